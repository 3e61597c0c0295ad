<?php

namespace Rvssl\Whmcs\Tests;

use PHPUnit\Framework\TestCase;
use WHMCS\Database\Capsule;

/**
 * The webhook callback, served by a PHP web server as WHMCS's would serve it: real deliveries from
 * the platform's notification-service update services by themselves; forged, replayed and
 * duplicate requests change nothing.
 */
final class WebhookTest extends TestCase
{
    private array $reseller;

    protected function setUp(): void
    {
        $this->reseller = TestWhmcs::reseller();
    }

    public function testThePlatformsDeliveriesUpdateTheServiceWithoutAnyoneOpeningIt(): void
    {
        $domain = TestPlatform::uniqueDomain('hooked');
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), $domain,
            ['CSR' => TestPlatform::csr($domain), 'Approver Email' => 'admin@' . $domain]);

        self::assertSame('success', rvssl_CreateAccount($params));
        $orderId = TestWhmcs::link($params['serviceid'])->order_id;

        // no module function is called from here on: only the callback can bring the news
        TestPlatform::await(static fn () => TestWhmcs::link($params['serviceid'])->state === 'ISSUED', 120,
            'the webhook to record the issued certificate');
        self::assertSame('Issued', TestWhmcs::customField($params['serviceid'], 'Certificate Status'));
        $events = Capsule::table('mod_rvssl_deliveries')->where('order_id', $orderId)->pluck('event')->all();
        self::assertContains('CertificateIssued', $events);
        [, $log] = TestPlatform::call('GET', TestPlatform::notificationUrl() . '/api/v1/deliveries?orderId=' . $orderId
            . '&channel=WEBHOOK', $this->reseller['key']);
        self::assertNotEmpty($log);
        self::assertSame([], array_values(array_filter($log, static fn ($d) => $d['status'] !== 'SENT'
            && $d['event'] === 'CertificateIssued')));
    }

    public function testAForgedSignatureIsRefusedAndChangesNothing(): void
    {
        $delivery = 'forged-' . bin2hex(random_bytes(6));

        [$status] = $this->post($this->event($delivery), time(), 'not-the-secret-at-all');

        self::assertSame(401, $status);
        self::assertFalse($this->applied($delivery));
    }

    public function testAReplayedRequestWithAnOldTimestampIsRefusedThoughItsSignatureIsRight(): void
    {
        $delivery = 'replayed-' . bin2hex(random_bytes(6));

        [$status, $reply] = $this->post($this->event($delivery), time() - 600);

        self::assertSame(401, $status);
        self::assertStringContainsString('replay', $reply['error']);
        self::assertFalse($this->applied($delivery));
    }

    public function testADuplicateDeliveryIsAppliedOnceAndThenDropped(): void
    {
        $delivery = 'twice-' . bin2hex(random_bytes(6));
        $body = $this->event($delivery);

        [$first, $firstReply] = $this->post($body, time());
        [$second, $secondReply] = $this->post($body, time());

        self::assertSame([200, 'applied'], [$first, $firstReply['result']]);
        self::assertSame([200, 'duplicate'], [$second, $secondReply['result']]);
        self::assertSame(1, Capsule::table('mod_rvssl_deliveries')->where('delivery_id', $delivery)->count());
        self::assertSame(1, count(array_filter(Capsule::table('tblactivitylog')->pluck('description')->all(),
            static fn ($d) => str_contains($d, $delivery))));
    }

    public function testDeliveryIdsAreRememberedForAMonthThenForgotten(): void
    {
        $old = 'old-' . bin2hex(random_bytes(6));
        $recent = 'recent-' . bin2hex(random_bytes(6));
        Capsule::table('mod_rvssl_deliveries')->insert(['delivery_id' => $old,
            'received_at' => gmdate('Y-m-d\\TH:i:s\\Z', time() - 31 * 86400)]);
        Capsule::table('mod_rvssl_deliveries')->insert(['delivery_id' => $recent,
            'received_at' => gmdate('Y-m-d\\TH:i:s\\Z', time() - 29 * 86400)]);

        [$status] = $this->post($this->event('new-' . bin2hex(random_bytes(6))), time());

        self::assertSame(200, $status);
        self::assertFalse($this->applied($old));
        self::assertTrue($this->applied($recent));
    }

    public function testARequestWithoutTheSignatureHeadersIsRefused(): void
    {
        $curl = curl_init($this->callbackUrl());
        curl_setopt_array($curl, [CURLOPT_POSTFIELDS => '{}', CURLOPT_RETURNTRANSFER => true]);
        curl_exec($curl);

        self::assertSame(400, curl_getinfo($curl, CURLINFO_RESPONSE_CODE));
    }

    private function event(string $delivery): string
    {
        return json_encode(['deliveryId' => $delivery, 'event' => 'PaymentCaptured', 'occurredAt' => gmdate('c'),
            'orderId' => null, 'resellerId' => $this->reseller['id'], 'payload' => []]);
    }

    /** @return array{0: int, 1: array} */
    private function post(string $body, int $timestamp, ?string $secret = null): array
    {
        $secret ??= Capsule::table('mod_rvssl_settings')->where('setting', 'webhookSecret')->value('value');
        $delivery = json_decode($body, true)['deliveryId'];
        $curl = curl_init($this->callbackUrl());
        curl_setopt_array($curl, [CURLOPT_POSTFIELDS => $body, CURLOPT_RETURNTRANSFER => true, CURLOPT_HTTPHEADER => [
            'Content-Type: application/json',
            'X-Rvssl-Delivery: ' . $delivery,
            'X-Rvssl-Timestamp: ' . $timestamp,
            'X-Rvssl-Signature: sha256=' . hash_hmac('sha256', $timestamp . '.' . $body, $secret),
        ]]);
        $reply = curl_exec($curl);
        return [(int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE), json_decode((string) $reply, true) ?? []];
    }

    private function applied(string $delivery): bool
    {
        return Capsule::table('mod_rvssl_deliveries')->where('delivery_id', $delivery)->exists();
    }

    private function callbackUrl(): string
    {
        return rtrim(Capsule::table('tblconfiguration')->where('setting', 'SystemURL')->value('value'), '/')
            . '/modules/addons/rvssl/callback.php';
    }
}
