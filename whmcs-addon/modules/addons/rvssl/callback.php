<?php
/**
 * The RVssl webhook endpoint: https://<your WHMCS>/modules/addons/rvssl/callback.php
 *
 * Served directly by the web server like WHMCS's payment-gateway callbacks, so it boots WHMCS
 * itself (init.php) for the database and the local API. It answers JSON: 2xx once a delivery is
 * applied (or was already), 401 for a wrong signature or a stale timestamp, 5xx when the order
 * could not be read, so the platform tries again later.
 */

use Rvssl\Whmcs\Platform;
use Rvssl\Whmcs\Settings;
use Rvssl\Whmcs\WebhookReceiver;

if (!defined('WHMCS')) {
    require_once __DIR__ . '/../../../init.php';
}
require_once __DIR__ . '/lib/autoload.php';

header('Content-Type: application/json');
if (($_SERVER['REQUEST_METHOD'] ?? 'GET') !== 'POST') {
    http_response_code(405);
    header('Allow: POST');
    echo json_encode(['error' => 'POST only']);
    return;
}
$headers = [];
foreach ($_SERVER as $name => $value) {
    if (str_starts_with($name, 'HTTP_')) {
        $headers[strtolower(str_replace('_', '-', substr($name, 5)))] = (string) $value;
    }
}
try {
    $receiver = new WebhookReceiver(Settings::webhookSecret(), static fn () => Platform::connect());
    [$status, $reply] = $receiver->receive($headers, (string) file_get_contents('php://input'), time());
} catch (\Throwable $failure) {
    [$status, $reply] = [503, ['error' => 'not applied, retry later: ' . $failure->getMessage()]];
}
http_response_code($status);
echo json_encode($reply);
