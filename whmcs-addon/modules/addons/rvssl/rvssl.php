<?php
/**
 * RVssl addon module: the reseller's connection to RVglobalsoft.com (API URL, API key), and the
 * admin page (Addons > RVssl) for the account balance, orders waiting for payment, Auto Order
 * Setup, retail prices and the webhook. The SSL products themselves are provisioned by the
 * server module of the same name (modules/servers/rvssl).
 */

use Rvssl\Whmcs\AdminPage;
use Rvssl\Whmcs\Platform;
use Rvssl\Whmcs\Schema;
use Rvssl\Whmcs\Settings;

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

require_once __DIR__ . '/lib/autoload.php';

function rvssl_config()
{
    return [
        'name' => 'RVssl',
        'description' => 'Sell SSL certificates from RVglobalsoft.com: prices, Auto Order Setup, credit and status webhooks.',
        'version' => '1.0.0',
        'author' => 'RVglobalsoft',
        'language' => 'english',
        'fields' => [
            'apiUrl' => [
                'FriendlyName' => 'API URL',
                'Type' => 'text',
                'Size' => '60',
                'Default' => 'http://localhost:8081',
                'Description' => 'The RVssl order API (order-service), e.g. https://api.rvglobalsoft.com',
            ],
            'apiKey' => [
                'FriendlyName' => 'API Key',
                'Type' => 'password',
                'Size' => '60',
                'Description' => 'Your reseller API key from RVglobalsoft.com',
            ],
            'billingUrl' => [
                'FriendlyName' => 'Billing URL',
                'Type' => 'text',
                'Size' => '60',
                'Default' => 'http://localhost:8082',
                'Description' => 'The RVssl billing API (account balance); empty means the API URL',
            ],
            'notificationUrl' => [
                'FriendlyName' => 'Notification URL',
                'Type' => 'text',
                'Size' => '60',
                'Default' => 'http://localhost:8085',
                'Description' => 'The RVssl notification API (webhook settings); empty means the API URL',
            ],
        ],
    ];
}

function rvssl_activate()
{
    try {
        Schema::ensure();
        Settings::webhookSecret();
        return ['status' => 'success',
            'description' => 'RVssl is active. Enter the API key under Configure, then register the webhook on the RVssl page.'];
    } catch (\Throwable $failure) {
        return ['status' => 'error', 'description' => 'RVssl could not create its tables: ' . $failure->getMessage()];
    }
}

function rvssl_deactivate()
{
    $note = '';
    try {
        Platform::connect()->removeWebhook();
    } catch (\Throwable $failure) {
        $note = ' (the webhook could not be removed at RVssl: ' . $failure->getMessage() . ')';
    }
    try {
        Schema::dropTransient();
        return ['status' => 'success', 'description' => 'RVssl is deactivated; your services keep their order links.' . $note];
    } catch (\Throwable $failure) {
        return ['status' => 'error', 'description' => 'RVssl could not remove its tables: ' . $failure->getMessage()];
    }
}

function rvssl_output($vars)
{
    echo (new AdminPage((string) ($vars['modulelink'] ?? 'addonmodules.php?module=rvssl')))->render($_POST);
}
