<?php
/**
 * Router of the PHP built-in server that stands in for the web server in front of WHMCS: it
 * serves the module's callback file (with the WHMCS stand-in booted, as init.php would) and
 * nothing else.
 */

require __DIR__ . '/whmcs/init.php';

if (parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) === '/modules/addons/rvssl/callback.php') {
    require __DIR__ . '/../modules/addons/rvssl/callback.php';
    return true;
}
http_response_code(404);
return true;
