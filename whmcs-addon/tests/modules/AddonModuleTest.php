<?php

namespace Rvssl\Whmcs\Tests;

use PHPUnit\Framework\TestCase;
use WHMCS\Database\Capsule;

/** The addon module: its configuration, activation and the admin page's reads and actions against the platform. */
final class AddonModuleTest extends TestCase
{
    private array $reseller;

    protected function setUp(): void
    {
        $this->reseller = TestWhmcs::reseller();
    }

    public function testConfigAsksForTheApiUrlKeyAndBillingUrl(): void
    {
        $config = rvssl_config();

        self::assertSame('RVssl', $config['name']);
        self::assertSame(['apiUrl', 'apiKey', 'billingUrl', 'notificationUrl'], array_keys($config['fields']));
        self::assertSame('password', $config['fields']['apiKey']['Type']);
    }

    public function testActivateCreatesTheModuleTablesAndAWebhookSecret(): void
    {
        $result = rvssl_activate();

        self::assertSame('success', $result['status']);
        foreach (['mod_rvssl_orders', 'mod_rvssl_deliveries', 'mod_rvssl_settings'] as $table) {
            self::assertTrue(Capsule::schema()->hasTable($table), $table);
        }
        self::assertGreaterThanOrEqual(32, strlen(Capsule::table('mod_rvssl_settings')->where('setting', 'webhookSecret')->value('value')));
    }

    public function testTheAdminPageShowsBalanceAutoOrderSetupPricesAndTheWebhook(): void
    {
        $page = TestWhmcs::adminPage();

        self::assertMatchesRegularExpression('#class="rvssl-balance">[0-9.]+ USD<#', $page);
        self::assertStringContainsString('Waiting for payment: <strong class="rvssl-waiting">0 order(s)', $page);
        self::assertStringContainsString('<option value="AUTOMATIC" selected>', $page);
        self::assertStringContainsString('data-code="rapidssl-dv" data-term="12"', $page);
        self::assertStringContainsString('/modules/addons/rvssl/callback.php</code>', $page);
        self::assertStringContainsString(Capsule::table('mod_rvssl_settings')->where('setting', 'webhookSecret')->value('value'), $page);
        self::assertStringNotContainsString('alert-danger', $page);
    }

    public function testRetailPricesCanBeOverriddenResetOneByOneAndResetAll(): void
    {
        $page = TestWhmcs::adminPage(['rvssl_action' => 'overridePrice', 'code' => 'rapidssl-dv', 'term' => '12',
            'currency' => 'USD', 'retail' => '77.50']);
        TestWhmcs::adminPage(['rvssl_action' => 'overridePrice', 'code' => 'rapidssl-dv', 'term' => '24',
            'currency' => 'USD', 'retail' => '99.00']);
        self::assertStringContainsString('alert-success', $page);
        self::assertSame(7750, $this->retail('rapidssl-dv', 12));

        TestWhmcs::adminPage(['rvssl_action' => 'resetPrice', 'code' => 'rapidssl-dv', 'term' => '12']);
        self::assertSame($this->recommended('rapidssl-dv', 12), $this->retail('rapidssl-dv', 12));
        self::assertSame(9900, $this->retail('rapidssl-dv', 24));

        TestWhmcs::adminPage(['rvssl_action' => 'resetAllPrices']);
        self::assertSame($this->recommended('rapidssl-dv', 24), $this->retail('rapidssl-dv', 24));
    }

    public function testRetailPricesAreCopiedIntoWhmcsProductPricing(): void
    {
        $productId = TestWhmcs::product('geotrust-dv');
        TestWhmcs::adminPage(['rvssl_action' => 'overridePrice', 'code' => 'geotrust-dv', 'term' => '12',
            'currency' => 'USD', 'retail' => '55.25']);
        try {
            $page = TestWhmcs::adminPage(['rvssl_action' => 'copyPrices']);

            self::assertStringContainsString('Retail prices copied', $page);
            $pricing = Capsule::table('tblpricing')->where('type', 'product')->where('relid', $productId)->first();
            self::assertSame('55.25', $pricing->annually);
            self::assertSame(number_format($this->retail('geotrust-dv', 24) / 100, 2, '.', ''), $pricing->biennially);
            self::assertSame('-1.00', $pricing->monthly);

            TestWhmcs::adminPage(['rvssl_action' => 'overridePrice', 'code' => 'geotrust-dv', 'term' => '12',
                'currency' => 'USD', 'retail' => '60.00']);
            TestWhmcs::adminPage(['rvssl_action' => 'copyPrices']);
            $rows = Capsule::table('tblpricing')->where('type', 'product')->where('relid', $productId)->get();
            self::assertCount(1, $rows);
            self::assertSame('60.00', $rows->first()->annually);
        } finally {
            TestWhmcs::adminPage(['rvssl_action' => 'resetPrice', 'code' => 'geotrust-dv', 'term' => '12']);
        }
    }

    public function testAutoOrderSetupIsChangedFromTheAdminPage(): void
    {
        try {
            $page = TestWhmcs::adminPage(['rvssl_action' => 'autoOrder', 'mode' => 'MANUAL']);

            self::assertStringContainsString('<option value="MANUAL" selected>', $page);
            [, $mode] = TestPlatform::call('GET', TestPlatform::orderUrl() . '/api/v1/settings/auto-order', $this->reseller['key']);
            self::assertSame('MANUAL', $mode['mode']);
        } finally {
            TestWhmcs::adminPage(['rvssl_action' => 'autoOrder', 'mode' => 'AUTOMATIC']);
        }
    }

    public function testARefusedActionIsShownAsAReadableErrorOnTheWholePage(): void
    {
        $page = TestWhmcs::adminPage(['rvssl_action' => 'autoOrder', 'mode' => 'SOMETIMES']);

        self::assertMatchesRegularExpression('#alert-danger">RVssl: [^<]+\[HTTP 4\d\d\]#', $page);
        self::assertStringContainsString('<h2>Prices</h2>', $page);
    }

    public function testRegisteringAndDeactivatingSetAndRemoveTheWebhookAtThePlatform(): void
    {
        $other = TestPlatform::newReseller('Leaving Hosting');
        TestWhmcs::configure($other['key']);
        try {
            $page = TestWhmcs::adminPage(['rvssl_action' => 'registerWebhook']);
            self::assertStringContainsString('Webhook registered', $page);
            [$status, $webhook] = TestPlatform::call('GET', TestPlatform::notificationUrl() . '/api/v1/webhook', $other['key']);
            self::assertSame(200, $status);
            self::assertStringEndsWith('/modules/addons/rvssl/callback.php', $webhook['url']);

            self::assertSame('success', rvssl_deactivate()['status']);

            self::assertSame(404, TestPlatform::call('GET', TestPlatform::notificationUrl() . '/api/v1/webhook', $other['key'])[0]);
            self::assertFalse(Capsule::schema()->hasTable('mod_rvssl_deliveries'));
            self::assertTrue(Capsule::schema()->hasTable('mod_rvssl_orders'));
        } finally {
            TestWhmcs::configure($this->reseller['key']);
            rvssl_activate();
            // the new activation has a new secret: the run's own webhook must carry it
            TestWhmcs::adminPage(['rvssl_action' => 'registerWebhook']);
        }
    }

    private function price(string $code, int $term): array
    {
        [, $products] = TestPlatform::call('GET', TestPlatform::orderUrl() . '/api/v1/products', $this->reseller['key']);
        foreach ($products as $product) {
            foreach ($product['code'] === $code ? $product['prices'] : [] as $price) {
                if ($price['termMonths'] === $term) {
                    return $price;
                }
            }
        }
        self::fail('no price for ' . $code . ' ' . $term);
    }

    private function retail(string $code, int $term): int
    {
        return $this->price($code, $term)['retail']['amount'];
    }

    private function recommended(string $code, int $term): int
    {
        return $this->price($code, $term)['recommendedRetail']['amount'];
    }
}
