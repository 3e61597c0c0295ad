<?php

namespace Rvssl\Whmcs\Tests;

use PHPUnit\Framework\TestCase;
use WHMCS\Database\Capsule;

/**
 * A 24-month order is a plan of certificates (CA/Browser Forum SC-081v3: 199 days now, 99 from
 * 2027-03-15): walked through two of the platform's own reissues by moving the sandbox CA's clock
 * and status-sync's together, with WHMCS hearing of each new certificate through the webhook alone.
 * This suite runs last: the clocks it moves do not come back.
 */
final class PlanRenewalWalkTest extends TestCase
{
    private const DAY = 86_400;

    public function testATwoYearOrderIsRenewedWithinItsPlanTwiceAndWhmcsFollowsEachCertificate(): void
    {
        $reseller = TestWhmcs::reseller();
        $domain = TestPlatform::uniqueDomain('plan');
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv', 24), $domain,
            ['CSR' => TestPlatform::csr($domain), 'Approver Email' => 'admin@' . $domain]);
        self::assertSame('success', rvssl_CreateAccount($params));
        $serviceId = $params['serviceid'];
        $orderId = TestWhmcs::link($serviceId)->order_id;

        $first = TestPlatform::await(fn () => $this->certificates($reseller['key'], $orderId, 1), 120,
            'the first certificate');
        $order = TestPlatform::order($reseller['key'], $orderId);
        $notBefore = strtotime($first[0]['notBefore']);
        self::assertSame(gmdate('Y-m-d\TH:i:s', strtotime('+24 months', $notBefore)),
            gmdate('Y-m-d\TH:i:s', strtotime($order['planEnd'])), 'the plan ends 24 months after the first certificate');
        self::assertLessThanOrEqual(199, $this->days($first[0]), 'a certificate of this year lives at most 199 days');
        $this->awaitWhmcsHolds($serviceId, $first[0]['serialNumber']);

        // past two thirds of the first certificate's life: the platform renews by itself
        $this->moveClocks('P134D');
        $second = TestPlatform::await(fn () => $this->certificates($reseller['key'], $orderId, 2), 180,
            'the first automatic reissue');
        $this->awaitWhmcsHolds($serviceId, $second[1]['serialNumber']);

        // the second certificate was issued after 2027-03-15: 99 days, renewed again two thirds in
        self::assertLessThanOrEqual(99, $this->days($second[1]));
        $this->moveClocks('P67D');
        $third = TestPlatform::await(fn () => $this->certificates($reseller['key'], $orderId, 3), 180,
            'the second automatic reissue');
        $this->awaitWhmcsHolds($serviceId, $third[2]['serialNumber']);

        $order = TestPlatform::order($reseller['key'], $orderId);
        self::assertSame('ISSUED', $order['state']);
        self::assertSame($third[2]['serialNumber'], $order['certificate']['serialNumber'], 'the order serves its newest certificate');
        self::assertLessThanOrEqual(99, $this->days($third[2]));
        for ($i = 1; $i < 3; $i++) {
            self::assertLessThanOrEqual(strtotime($third[$i - 1]['notAfter']), strtotime($third[$i]['notBefore']),
                'certificate ' . ($i + 1) . ' starts before certificate ' . $i . ' ends: no gap');
        }
        $events = Capsule::table('mod_rvssl_deliveries')->where('order_id', $orderId)->pluck('event')->all();
        self::assertGreaterThanOrEqual(2, count(array_keys($events, 'ReissueRequested', true)), 'each renewal announced to WHMCS');
        self::assertGreaterThanOrEqual(3, count(array_keys($events, 'CertificateIssued', true)), 'each certificate posted to WHMCS');
    }

    /** The order's certificates once it has at least this many, else null. */
    private function certificates(string $key, string $orderId, int $atLeast): ?array
    {
        $order = TestPlatform::order($key, $orderId);
        $certificates = $order['certificates'] ?? [];
        return ($order['state'] ?? '') === 'ISSUED' && count($certificates) >= $atLeast && empty($order['reissue'])
            ? $certificates : null;
    }

    /** WHMCS's own record of the service shows this certificate: brought by the webhook, no module call made. */
    private function awaitWhmcsHolds(int $serviceId, string $serial): void
    {
        TestPlatform::await(static fn () => TestWhmcs::link($serviceId)->certificate_serial === $serial, 60,
            'the webhook to bring certificate ' . $serial . ' into WHMCS');
        self::assertSame('ISSUED', TestWhmcs::link($serviceId)->state);
    }

    private function days(array $certificate): int
    {
        return intdiv(strtotime($certificate['notAfter']) - strtotime($certificate['notBefore']), self::DAY);
    }

    /** The CA's clock first, so the reissue status-sync asks for is dated by it. */
    private function moveClocks(string $by): void
    {
        [$sandbox] = TestPlatform::call('POST', TestPlatform::sandboxUrl() . '/sandbox/clock/advance', '', ['by' => $by]);
        self::assertSame(200, $sandbox, 'the sandbox clock moved');
        [$sync] = TestPlatform::call('POST', TestPlatform::env('RVSSL_STATUS_SYNC_URL') . '/internal/clock/advance',
            TestPlatform::env('RVSSL_SERVICE_KEY'), ['by' => $by]);
        self::assertSame(200, $sync, 'status-sync\'s clock moved');
    }
}
