<?php

namespace Rvssl\Whmcs\Tests;

use WHMCS\Database\Capsule;

/**
 * The WHMCS side of a test: the addon configured for a reseller, SSL products set up with the
 * rvssl server module, and services with the parameters WHMCS passes to module functions.
 */
final class TestWhmcs
{
    private static ?array $reseller = null;

    /** One funded reseller per run, configured in the addon, its webhook pointing at the callback. */
    public static function reseller(): array
    {
        if (self::$reseller === null) {
            self::$reseller = TestPlatform::newReseller('WHMCS Hosting', 10_000_000);
            self::configure(self::$reseller['key']);
            rvssl_activate();
            self::adminPage();
            $page = self::adminPage(['rvssl_action' => 'registerWebhook']);
            if (!str_contains($page, 'Webhook registered')) {
                throw new \RuntimeException('registering the webhook failed: ' . strip_tags($page));
            }
        }
        self::configure(self::$reseller['key']);
        return self::$reseller;
    }

    /** Points the addon's configuration at a reseller's key (as the admin would under Configure). */
    public static function configure(string $apiKey): void
    {
        Capsule::table('tbladdonmodules')->where('module', 'rvssl')->delete();
        foreach (['apiUrl' => TestPlatform::orderUrl(), 'apiKey' => $apiKey, 'billingUrl' => TestPlatform::billingUrl(),
            'notificationUrl' => TestPlatform::notificationUrl()] as $setting => $value) {
            Capsule::table('tbladdonmodules')->insert(['module' => 'rvssl', 'setting' => $setting, 'value' => $value]);
        }
    }

    /** A WHMCS product sold through RVssl, with the custom fields the module fills. */
    public static function product(string $code, int $term = 12): int
    {
        $id = Capsule::table('tblproducts')->insertGetId(['name' => 'SSL ' . $code, 'servertype' => 'rvssl',
            'configoption1' => $code, 'configoption2' => (string) $term]);
        foreach (['RVssl Order ID', 'Certificate Status'] as $field) {
            Capsule::table('tblcustomfields')->insert(['type' => 'product', 'relid' => $id, 'fieldname' => $field]);
        }
        return $id;
    }

    /** A new service of the product for a domain: the $params WHMCS passes to the module's functions. */
    public static function service(int $productId, string $domain, array $customFields = [], array $client = []): array
    {
        $product = Capsule::table('tblproducts')->where('id', $productId)->first();
        $serviceId = Capsule::table('tblhosting')->insertGetId(['userid' => 1, 'packageid' => $productId, 'domain' => $domain,
            'domainstatus' => 'Pending', 'nextduedate' => gmdate('Y-m-d', strtotime('+1 year'))]);
        return [
            'serviceid' => $serviceId,
            'pid' => $productId,
            'domain' => $domain,
            'status' => 'Pending',
            'configoption1' => $product->configoption1,
            'configoption2' => $product->configoption2,
            'customfields' => $customFields,
            'clientsdetails' => $client + ['firstname' => 'Ann', 'lastname' => 'Customer', 'fullname' => 'Ann Customer',
                'email' => 'ann@' . $domain, 'companyname' => '', 'country' => 'GB', 'city' => 'London',
                'address1' => '1 High Street', 'phonenumber' => '+44.2000000000'],
        ];
    }

    public static function customField(int $serviceId, string $name): ?string
    {
        $packageId = Capsule::table('tblhosting')->where('id', $serviceId)->value('packageid');
        $fieldId = Capsule::table('tblcustomfields')->where('relid', $packageId)->where('fieldname', $name)->value('id');
        return Capsule::table('tblcustomfieldsvalues')->where('fieldid', $fieldId)->where('relid', $serviceId)->value('value');
    }

    public static function link(int $serviceId): ?object
    {
        return Capsule::table('mod_rvssl_orders')->where('service_id', $serviceId)->first();
    }

    /**
     * Runs the addon's admin page, as WHMCS does for a GET (no form) or for a form posted from the
     * page: with the session's CSRF token unless the form names its own `token`. Returns its HTML.
     */
    public static function adminPage(array $post = []): string
    {
        if ($post !== [] && !array_key_exists('token', $post)) {
            $post['token'] = generate_token('plain');
        }
        return self::request($post === [] ? 'GET' : 'POST', $post, static function (): string {
            ob_start();
            try {
                rvssl_output(['modulelink' => 'addonmodules.php?module=rvssl']);
            } finally {
                $html = ob_get_clean();
            }
            return $html;
        });
    }

    /**
     * Runs a client-area custom function as the client's browser would call it: by default a POST
     * of the page's form, with the session's CSRF token unless the form names its own `token`
     * (null: none at all); a GET passes the form as the query string.
     */
    public static function clientAction(string $function, array $params, array $post = [], string $method = 'POST')
    {
        if (!array_key_exists('token', $post)) {
            $post['token'] = generate_token('plain');
        } elseif ($post['token'] === null) {
            unset($post['token']);
        }
        return self::request($method, $post, static fn () => $function($params));
    }

    private static function request(string $method, array $form, callable $handle): mixed
    {
        $_SERVER['REQUEST_METHOD'] = $method;
        if ($method === 'GET') {
            $_GET = $form;
        } else {
            $_POST = $form;
        }
        $_REQUEST = $form;
        try {
            return $handle();
        } finally {
            $_GET = $_POST = $_REQUEST = [];
            unset($_SERVER['REQUEST_METHOD']);
        }
    }

    /** Stops the platform posting to this run's callback server once the run ends. */
    public static function forgetWebhook(): void
    {
        if (self::$reseller !== null) {
            TestPlatform::call('DELETE', TestPlatform::notificationUrl() . '/api/v1/webhook', self::$reseller['key']);
        }
    }
}
