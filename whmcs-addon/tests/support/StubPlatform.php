<?php

namespace Rvssl\Whmcs\Tests;

use WHMCS\Database\Capsule;

/**
 * A stand-in for the platform's HTTP API, for tests of what the module does (or must not do)
 * without a running platform: a PHP built-in server (stub-platform-router.php) that answers what
 * the test set with {@see answer()} and records every request, so a test can show that a refused
 * form called no API at all. Started on first use, stopped when the run ends.
 */
final class StubPlatform
{
    public const API_KEY = 'stub-reseller-key';

    private static ?string $url = null;

    private static string $dir = '';

    /** Starts the stub if needed, forgets earlier answers and requests, and points the addon at it. */
    public static function use(): void
    {
        self::start();
        @unlink(self::$dir . '/answers.json');
        file_put_contents(self::$dir . '/requests.jsonl', '');
        Capsule::table('tbladdonmodules')->where('module', 'rvssl')->delete();
        foreach (['apiUrl' => self::$url, 'apiKey' => self::API_KEY, 'billingUrl' => self::$url,
            'notificationUrl' => self::$url] as $setting => $value) {
            Capsule::table('tbladdonmodules')->insert(['module' => 'rvssl', 'setting' => $setting, 'value' => $value]);
        }
    }

    /** What the stub answers to METHOD path (the path without its query). */
    public static function answer(string $method, string $path, int $status, array $body): void
    {
        $file = self::$dir . '/answers.json';
        $answers = is_file($file) ? json_decode((string) file_get_contents($file), true) : [];
        $answers[$method . ' ' . $path] = ['status' => $status, 'body' => $body];
        file_put_contents($file, json_encode($answers, JSON_UNESCAPED_SLASHES));
    }

    /** @return list<array{method: string, path: string, query: string, headers: array<string, string>, body: mixed}> */
    public static function requests(): array
    {
        $lines = array_filter(explode("\n", (string) file_get_contents(self::$dir . '/requests.jsonl')));
        return array_values(array_map(static fn (string $line) => json_decode($line, true), $lines));
    }

    /** The requests other than reads: what would have changed something at the platform. */
    public static function changes(): array
    {
        return array_values(array_filter(self::requests(), static fn (array $r) => $r['method'] !== 'GET'));
    }

    public static function forget(): void
    {
        file_put_contents(self::$dir . '/requests.jsonl', '');
    }

    private static function start(): void
    {
        if (self::$url !== null) {
            return;
        }
        // a free port: the system picks one, the stub takes it over
        $probe = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
        fclose($probe);
        self::$dir = sys_get_temp_dir() . '/rvssl-stub-' . getmypid();
        @mkdir(self::$dir);
        file_put_contents(self::$dir . '/requests.jsonl', '');
        $log = self::$dir . '/server.log';
        $server = proc_open([PHP_BINARY, '-S', '127.0.0.1:' . $port, __DIR__ . '/../stub-platform-router.php'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'w'], 2 => ['file', $log, 'a']], $pipes, __DIR__ . '/..',
            ['RVSSL_STUB_DIR' => self::$dir] + getenv());
        $dir = self::$dir;
        register_shutdown_function(static function () use ($server, $dir): void {
            proc_terminate($server);
            proc_close($server);
            array_map('unlink', glob($dir . '/*'));
            @rmdir($dir);
        });
        TestPlatform::await(static function () use ($port): bool {
            $socket = @fsockopen('127.0.0.1', $port, $errno, $error, 1);
            return $socket !== false && fclose($socket);
        }, 20, 'the stub platform on port ' . $port);
        self::$url = 'http://127.0.0.1:' . $port;
    }
}
