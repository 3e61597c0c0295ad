<?php
/**
 * PHPUnit bootstrap: a fresh stand-in WHMCS database, the stand-in WHMCS functions, both RVssl
 * modules loaded as WHMCS loads them, and a PHP server serving the webhook callback on
 * RVSSL_CALLBACK_PORT, where the platform's notification-service posts real webhooks.
 */

// a run of its own gets a throwaway database; one given (the end-to-end test's) is kept to look into
$throwaway = !getenv('RVSSL_WHMCS_DB');
if ($throwaway) {
    putenv('RVSSL_WHMCS_DB=' . sys_get_temp_dir() . '/rvssl-whmcs-' . getmypid() . '.sqlite');
}
define('RVSSL_NO_EXIT', true);

require __DIR__ . '/whmcs/init.php';
require __DIR__ . '/../modules/addons/rvssl/rvssl.php';
require __DIR__ . '/../modules/servers/rvssl/rvssl.php';
require __DIR__ . '/support/TestPlatform.php';
require __DIR__ . '/support/TestWhmcs.php';
require __DIR__ . '/support/StubPlatform.php';

(static function () use ($throwaway): void {
    $port = (int) (getenv('RVSSL_CALLBACK_PORT') ?: 18480);
    $url = 'http://127.0.0.1:' . $port . '/';
    \WHMCS\Database\Capsule::table('tblconfiguration')->updateOrInsert(['setting' => 'SystemURL'], ['value' => $url]);
    \WHMCS\Database\Capsule::table('tblcurrencies')->updateOrInsert(['id' => 1], ['code' => 'USD', 'default' => 1]);
    $log = dirname(getenv('RVSSL_WHMCS_DB')) . '/rvssl-callback-' . $port . '.log';
    $server = proc_open([PHP_BINARY, '-S', '127.0.0.1:' . $port, __DIR__ . '/callback-router.php'],
        [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'w'], 2 => ['file', $log, 'a']], $pipes, __DIR__ . '/..');
    register_shutdown_function(static function () use ($server, $throwaway, $log): void {
        \Rvssl\Whmcs\Tests\TestWhmcs::forgetWebhook();
        proc_terminate($server);
        proc_close($server);
        if ($throwaway) {
            array_map('unlink', array_merge(glob(getenv('RVSSL_WHMCS_DB') . '*'), [$log]));
        }
    });
    \Rvssl\Whmcs\Tests\TestPlatform::await(static function () use ($port): bool {
        $socket = @fsockopen('127.0.0.1', $port, $errno, $error, 1);
        return $socket !== false && fclose($socket);
    }, 20, 'the callback server on port ' . $port);
})();
