<?php

namespace Rvssl\Whmcs\Tests;

use PHPUnit\Framework\TestCase;
use Rvssl\Whmcs\Platform;
use Rvssl\Whmcs\Schema;
use Rvssl\Whmcs\ServiceOrders;
use Rvssl\Whmcs\WebhookReceiver;
use WHMCS\Database\Capsule;

/**
 * A 24-month order is a plan (certificates live at most 199 days, SC-081v3): the platform reissues
 * the certificate by itself until the plan's end. The module records the current certificate,
 * the plan's end and a renewal under way, shows them to the client and the admin, follows each
 * reissue in place, and migrates an orders table from before plans. The API is a stub.
 */
final class PlanTest extends TestCase
{
    private const PLAN_END = '2028-04-01T00:00:00Z';

    private const FIRST = ['serialNumber' => '0A11', 'notBefore' => '2026-04-01T00:00:00Z', 'notAfter' => '2026-10-17T00:00:00Z'];

    private const SECOND = ['serialNumber' => '0B22', 'notBefore' => '2026-09-20T00:00:00Z', 'notAfter' => '2027-04-07T00:00:00Z'];

    protected function setUp(): void
    {
        StubPlatform::use();
    }

    public function testTheClientAreaOfAnIssuedPlanShowsThePlanEndTheExpiryAndTheCertificatesIssued(): void
    {
        [$params, $orderId] = $this->planService();
        StubPlatform::answer('GET', '/api/v1/orders/' . $orderId, 200,
            self::order($orderId, $params['serviceid'], [self::FIRST, self::SECOND]));

        $vars = rvssl_ClientArea($params)['vars'];

        self::assertNull($vars['error']);
        self::assertSame('2028-04-01', $vars['planEnd']);
        self::assertSame('2027-04-07', $vars['certificateExpiry']);
        self::assertSame([
            ['serialNumber' => '0A11', 'notBefore' => '2026-04-01', 'notAfter' => '2026-10-17', 'current' => false],
            ['serialNumber' => '0B22', 'notBefore' => '2026-09-20', 'notAfter' => '2027-04-07', 'current' => true],
        ], $vars['certificates']);
        self::assertFalse($vars['renewing']);
        self::assertTrue($vars['canReissue']);
        // the downloads name no serial: the platform serves the newest certificate
        self::assertCount(3, $vars['downloads']);
        foreach ($vars['downloads'] as $download) {
            self::assertStringNotContainsString('serial', $download['url']);
        }
        $link = TestWhmcs::link($params['serviceid']);
        self::assertSame(['0B22', '2027-04-07T00:00:00Z', self::PLAN_END, 0],
            [$link->certificate_serial, $link->certificate_not_after, $link->plan_end, (int) $link->renewal_in_progress]);
        self::assertSame('2027-04-07', TestWhmcs::customField($params['serviceid'], 'Certificate Expiry'));

        $template = self::template();
        foreach (['Your plan runs until', '{$planEnd|escape}', '{$certificateExpiry|escape}', '{foreach $certificates as $issued}'] as $shown) {
            self::assertStringContainsString($shown, $template);
        }
    }

    public function testWhileTheRenewalIsUnderWayThePageSaysSoAndShowsTheValidationTheCaAsksAgain(): void
    {
        [$params, $orderId] = $this->planService();
        $order = self::order($orderId, $params['serviceid'], [self::FIRST]);
        $order['reissue'] = ['requestedAt' => '2026-09-20T00:00:00Z', 'automatic' => true];
        $order['views']['client']['status'] = 'Issued, renewal in progress';
        $order['validation'] = ['level' => 'DV', 'stage' => 'DCV_PENDING',
            'dcv' => [['method' => 'DNS', 'domain' => 'plan.example.com', 'target' => '_dnsauth.plan.example.com', 'value' => 'tok']]];
        StubPlatform::answer('GET', '/api/v1/orders/' . $orderId, 200, $order);

        $vars = rvssl_ClientArea($params)['vars'];

        self::assertSame('Issued, renewal in progress', $vars['status']);
        self::assertTrue($vars['renewing']);
        self::assertFalse($vars['reissuing']);
        self::assertTrue($vars['validation']['again'], 'the CA checks the domain again: its steps are shown, not hidden');
        self::assertFalse($vars['renewalAtRisk']);
        self::assertFalse($vars['canReissue'], 'one reissue at a time');
        self::assertFalse($vars['canResendDcv']);
        self::assertFalse($vars['canChangeDcv']);
        self::assertSame('2026-10-17', $vars['certificateExpiry'], 'the current certificate stays until the new one');
        self::assertCount(3, $vars['downloads']);
        self::assertSame(1, (int) TestWhmcs::link($params['serviceid'])->renewal_in_progress);
        $template = self::template();
        self::assertStringContainsString('{elseif $renewing}', $template);
        self::assertStringContainsString('being renewed within your plan: nothing needs buying', $template);
        self::assertStringContainsString('{if $validation.again}', $template);
        self::assertStringContainsString('checks your domain again', $template);

        $tab = rvssl_AdminServicesTabFields($params);

        self::assertSame('2028-04-01', $tab['Plan End']);
        self::assertStringStartsWith('2026-10-17 (serial 0A11)', $tab['Certificate Expiry']);
        self::assertStringContainsString('renewal in progress', $tab['Certificate Expiry']);
        self::assertSame([], StubPlatform::changes());
    }

    public function testTwoWeeksBeforeExpiryWithTheRenewalStillWaitingTheClientAndTheAdminAreToldWhy(): void
    {
        [$params, $orderId] = $this->planService();
        $order = self::order($orderId, $params['serviceid'], [self::FIRST]);
        $order['reissue'] = ['requestedAt' => '2026-08-09T00:00:00Z', 'automatic' => true];
        $order['renewalAtRisk'] = ['notAfter' => self::FIRST['notAfter'], 'since' => '2026-10-03T00:00:00Z', 'reissueUnderway' => true];
        $order['views']['client'] = ['status' => 'Issued, renewal in progress',
            'detail' => 'Action needed: your certificate expires on 2026-10-17. Approve the email sent to admin@plan.example.com.'];
        $order['views']['admin'] = ['status' => 'Active, renewal in progress',
            'detail' => 'Renewal at risk: the certificate expires on 2026-10-17 and the certificate authority still waits for domain validation.'];
        $order['validation'] = ['level' => 'DV', 'stage' => 'DCV_PENDING',
            'dcv' => [['method' => 'EMAIL', 'domain' => 'plan.example.com', 'target' => 'admin@plan.example.com', 'value' => '']]];
        StubPlatform::answer('GET', '/api/v1/orders/' . $orderId, 200, $order);

        $vars = rvssl_ClientArea($params)['vars'];

        self::assertTrue($vars['renewalAtRisk']);
        self::assertStringStartsWith('Action needed: your certificate expires on 2026-10-17', $vars['detail']);
        self::assertTrue($vars['validation']['again']);
        self::assertSame('admin@plan.example.com', $vars['validation']['dcv'][0]['target']);
        self::assertStringContainsString('{if $renewalAtRisk}', self::template());
        self::assertStringContainsString('alert-danger', self::template());

        $tab = rvssl_AdminServicesTabFields($params);

        self::assertStringContainsString('Renewal at risk: the certificate expires on 2026-10-17', $tab['RVssl Status']);
        self::assertSame([], StubPlatform::changes());
    }

    public function testAWebhookOfTheReissueUpdatesSerialAndExpiryInPlaceAndDownloadsServeTheNewest(): void
    {
        [$params, $orderId] = $this->planService();
        $serviceId = $params['serviceid'];
        $renewing = self::order($orderId, $serviceId, [self::FIRST]);
        $renewing['reissue'] = ['requestedAt' => '2026-09-20T00:00:00Z', 'automatic' => true];
        $receiver = new WebhookReceiver('whsec-plan', static fn () => Platform::connect());

        StubPlatform::answer('GET', '/api/v1/orders/' . $orderId, 200, $renewing);
        self::assertSame('applied', self::deliver($receiver, $orderId, 'ReissueRequested', ['automatic' => true])[1]['result']);
        self::assertSame(1, (int) TestWhmcs::link($serviceId)->renewal_in_progress);
        self::assertSame('0A11', TestWhmcs::link($serviceId)->certificate_serial);

        // the webhook can outrun the API (the platform's services hear the event independently):
        // an order read back without the announced certificate is not recorded, and the platform retries
        $delivery = 'd-' . bin2hex(random_bytes(6));
        [$status, $reply] = self::deliver($receiver, $orderId, 'CertificateIssued', ['serialNumber' => '0b22'], $delivery);
        self::assertSame(503, $status, json_encode($reply));
        self::assertSame('0A11', TestWhmcs::link($serviceId)->certificate_serial);
        self::assertFalse(Capsule::table(Schema::DELIVERIES)->where('delivery_id', $delivery)->exists(), 'to be retried');

        StubPlatform::answer('GET', '/api/v1/orders/' . $orderId, 200, self::order($orderId, $serviceId, [self::FIRST, self::SECOND]));
        self::assertSame('applied', self::deliver($receiver, $orderId, 'CertificateIssued', ['serialNumber' => '0b22'], $delivery)[1]['result']);

        $rows = Capsule::table(Schema::ORDERS)->where('service_id', $serviceId)->get()->all();
        self::assertCount(1, $rows);
        self::assertSame([$orderId, '[]', '0B22', '2027-04-07T00:00:00Z', self::PLAN_END, 0],
            [$rows[0]->order_id, $rows[0]->previous_order_ids, $rows[0]->certificate_serial, $rows[0]->certificate_not_after,
                $rows[0]->plan_end, (int) $rows[0]->renewal_in_progress]);
        self::assertSame('2027-04-07', TestWhmcs::customField($serviceId, 'Certificate Expiry'));

        StubPlatform::answer('GET', '/api/v1/orders/' . $orderId . '/certificate', 200, ['newest' => self::SECOND['serialNumber']]);
        StubPlatform::forget();
        ob_start();
        $result = TestWhmcs::clientAction('rvssl_download', $params, ['format' => 'pem'], 'GET');
        $file = ob_get_clean();

        self::assertSame('success', $result);
        self::assertStringContainsString('0B22', $file);
        self::assertSame([['GET', '/api/v1/orders/' . $orderId . '/certificate', 'format=pem']],
            array_map(static fn (array $r) => [$r['method'], $r['path'], $r['query']], StubPlatform::requests()));
    }

    public function testAnOrdersTableFromBeforePlansGetsTheNewColumnsAndKeepsItsRows(): void
    {
        $schema = Capsule::schema();
        $schema->dropIfExists(Schema::ORDERS);
        // the table as the release before plans created it
        $schema->create(Schema::ORDERS, static function ($table) {
            $table->integer('service_id')->primary();
            $table->string('order_id', 64)->unique();
            $table->string('state', 32);
            $table->string('client_status', 100);
            $table->text('client_detail')->nullable();
            $table->string('admin_status', 100);
            $table->text('admin_detail')->nullable();
            $table->string('ca_order_id', 100)->nullable();
            $table->text('previous_order_ids')->nullable();
            $table->string('updated_at', 40);
        });
        $params = TestWhmcs::service(self::planProduct(), 'old.example.com');
        Capsule::table(Schema::ORDERS)->insert(['service_id' => $params['serviceid'], 'order_id' => 'ord-old', 'state' => 'ISSUED',
            'client_status' => 'Issued', 'admin_status' => 'ISSUED', 'previous_order_ids' => '[]', 'updated_at' => '2026-04-01T00:00:00Z']);
        self::assertFalse($schema->hasColumn(Schema::ORDERS, 'plan_end'));

        $link = ServiceOrders::find($params['serviceid']);

        foreach (['certificate_serial', 'certificate_not_after', 'plan_end', 'renewal_in_progress'] as $column) {
            self::assertTrue($schema->hasColumn(Schema::ORDERS, $column), $column);
        }
        self::assertSame(['ord-old', 'ISSUED', 'Issued', null, null], [$link->order_id, $link->state, $link->client_status,
            $link->plan_end, $link->certificate_serial]);
        Schema::ensure(); // a second use alters nothing

        ServiceOrders::record(self::order('ord-old', $params['serviceid'], [self::FIRST]), $params['serviceid']);

        self::assertSame(['0A11', self::PLAN_END], [TestWhmcs::link($params['serviceid'])->certificate_serial,
            TestWhmcs::link($params['serviceid'])->plan_end]);
        self::assertCount(1, Capsule::table(Schema::ORDERS)->get());
    }

    /** @return array{0: array, 1: string} a service of a 24-month product with its issued order recorded */
    private function planService(): array
    {
        $params = TestWhmcs::service(self::planProduct(), 'plan.example.com');
        $orderId = 'ord-' . bin2hex(random_bytes(6));
        ServiceOrders::record(self::order($orderId, $params['serviceid'], [self::FIRST]), $params['serviceid']);
        StubPlatform::forget();
        return [$params, $orderId];
    }

    private static function planProduct(): int
    {
        $productId = TestWhmcs::product('rapidssl-dv', 24);
        Capsule::table('tblcustomfields')->insert(['type' => 'product', 'relid' => $productId, 'fieldname' => 'Certificate Expiry']);
        return $productId;
    }

    /** An issued plan order as the API answers it: the last of $certificates is the current one. */
    private static function order(string $id, int $serviceId, array $certificates): array
    {
        return ['id' => $id, 'state' => 'ISSUED', 'whmcsServiceId' => (string) $serviceId, 'domains' => ['plan.example.com'],
            'views' => ['client' => ['status' => 'Issued', 'detail' => ''], 'admin' => ['status' => 'ISSUED', 'detail' => '']],
            'certificate' => end($certificates) + ['issuer' => 'Sandbox DV CA'], 'planEnd' => self::PLAN_END,
            'certificates' => $certificates, 'reissue' => null];
    }

    private static function deliver(WebhookReceiver $receiver, string $orderId, string $event, array $payload,
        ?string $delivery = null): array
    {
        $body = json_encode(['event' => $event, 'orderId' => $orderId, 'payload' => $payload]);
        $now = time();
        return $receiver->receive(['x-rvssl-delivery' => $delivery ?? 'd-' . bin2hex(random_bytes(6)), 'x-rvssl-timestamp' => (string) $now,
            'x-rvssl-signature' => 'sha256=' . hash_hmac('sha256', $now . '.' . $body, 'whsec-plan')], $body, $now);
    }

    private static function template(): string
    {
        return (string) file_get_contents(__DIR__ . '/../../modules/servers/rvssl/templates/clientarea.tpl');
    }
}
