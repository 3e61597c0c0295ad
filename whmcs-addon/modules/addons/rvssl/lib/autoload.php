<?php
/**
 * Loads the RVssl classes shared by the addon, the server module and the webhook callback.
 * WHMCS has no autoloader for module classes, and both modules may be loaded in one request,
 * so the classes live once, here, behind one guarded autoloader.
 */

if (!defined('RVSSL_LIB_LOADED')) {
    define('RVSSL_LIB_LOADED', true);
    spl_autoload_register(static function (string $class): void {
        $prefix = 'Rvssl\\Whmcs\\';
        if (strncmp($class, $prefix, strlen($prefix)) === 0) {
            $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
            if (is_file($file)) {
                require_once $file;
            }
        }
    });
}
