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

    /** From 2029-03-15 (SC-081v3) certificates live 47 days and domain validation is reused 10 days. */
    private const SHORT_REUSE = '2029-03-20T00:00:00Z';

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
        $this->moveClocks($this->pastReissuePoint($first[0], 2));
        $second = TestPlatform::await(fn () => $this->certificates($reseller['key'], $orderId, 2), 180,
            'the first automatic reissue');
        $this->awaitWhmcsHolds($serviceId, $second[1]['serialNumber']);

        // the second certificate was issued after 2027-03-15: 99 days, renewed again two thirds in
        self::assertLessThanOrEqual(99, $this->days($second[1]));
        $this->moveClocks($this->pastReissuePoint($second[1], 2));
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
    /**
     * A renewal the customer does not validate: from 2029-03-15 domain validation is reused for 10 days
     * only, so each reissue asks the approver again. Nobody approves; two weeks before the certificate
     * expires the alert's series counts it for the reseller, and the order's views, the WHMCS client
     * area and the admin tab say why and what to do. Runs last: it moves the clocks years on.
     */
    public function testARenewalWhoseApprovalEmailIsNotFollowedRaisesTheAlertAndTellsTheResellerAndTheCustomerWhy(): void
    {
        $reseller = TestWhmcs::reseller();
        $this->moveClocksTo(self::SHORT_REUSE);
        $domain = TestPlatform::uniqueDomain('unapproved');
        $approver = 'admin@' . $domain;
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv', 12), $domain,
            ['CSR' => TestPlatform::csr($domain), 'Approver Email' => $approver]);
        self::assertSame('success', rvssl_CreateAccount($params));
        $orderId = TestWhmcs::link($params['serviceid'])->order_id;
        $first = TestPlatform::await(fn () => $this->certificates($reseller['key'], $orderId, 1), 120,
            'the first certificate')[0];
        self::assertLessThanOrEqual(46, $this->days($first), 'a certificate of 2029 lives at most 46 days');

        $this->autoApprove(false);
        try {
            $this->moveClocks($this->pastReissuePoint($first, 1));
            $renewing = TestPlatform::await(function () use ($reseller, $orderId) {
                $order = TestPlatform::order($reseller['key'], $orderId);
                return !empty($order['reissue']) && ($order['validation']['stage'] ?? null) === 'DCV_PENDING' ? $order : null;
            }, 180, 'the renewal to ask the approver again');
            self::assertSame('Issued, renewal in progress', $renewing['views']['client']['status']);
            self::assertSame('EMAIL', $renewing['validation']['dcv'][0]['method']);
            self::assertArrayNotHasKey('renewalAtRisk', array_filter($renewing), 'more than two weeks are left');

            // thirteen days before the certificate expires, still nobody has approved
            $this->moveClocksTo(gmdate('Y-m-d\TH:i:s\Z', strtotime($first['notAfter']) - 13 * self::DAY));
            $atRisk = TestPlatform::await(function () use ($reseller, $orderId) {
                $order = TestPlatform::order($reseller['key'], $orderId);
                return !empty($order['renewalAtRisk']) ? $order : null;
            }, 120, 'the order to learn its renewal is at risk');
            self::assertTrue($atRisk['renewalAtRisk']['reissueUnderway']);
            self::assertSame($first['serialNumber'], $atRisk['certificate']['serialNumber'], 'still the first certificate');
            $expires = gmdate('Y-m-d', strtotime($first['notAfter']));
            foreach (['client', 'admin'] as $view) {
                self::assertStringContainsString($expires, $atRisk['views'][$view]['detail'], $view . ' view names the day');
                self::assertStringContainsString($approver, $atRisk['views'][$view]['detail'], $view . ' view says who must approve');
            }
            $series = 'rvssl_sync_expiring_unrenewed{renewal="awaiting_validation",resellerId="' . $atRisk['resellerId'] . '"} 1.0';
            TestPlatform::await(static fn () => str_contains((string) @file_get_contents(
                TestPlatform::env('RVSSL_STATUS_SYNC_URL') . '/actuator/prometheus'), $series), 60,
                'the alert\'s series for the reseller: ' . $series);

            $vars = rvssl_ClientArea($params)['vars'];
            self::assertTrue($vars['renewalAtRisk'], 'the client area warns the customer');
            self::assertTrue($vars['validation']['again'], 'and shows the validation asked again');
            self::assertStringContainsString($approver, $vars['detail']);
            $tab = rvssl_AdminServicesTabFields($params);
            self::assertStringContainsString($expires, $tab['RVssl Status'], 'the admin tab tells the reseller why');
        } finally {
            $this->autoApprove(true);
        }
    }

    /** The move that takes the clocks past a certificate's reissue point (two thirds of its life). */
    private function pastReissuePoint(array $certificate, int $spareDays): string
    {
        return 'P' . (intdiv(2 * $this->days($certificate), 3) + $spareDays) . 'D';
    }

    /** Moves both clocks to the instant, if they are not there yet. */
    private function moveClocksTo(string $instant): void
    {
        [, $clock] = TestPlatform::call('GET', TestPlatform::sandboxUrl() . '/sandbox/clock', '');
        $seconds = strtotime($instant) - strtotime($clock['now']);
        if ($seconds > 0) {
            $this->moveClocks('PT' . $seconds . 'S');
        }
    }

    private function autoApprove(bool $enabled): void
    {
        [$status] = TestPlatform::call('PUT', TestPlatform::sandboxUrl() . '/sandbox/dv/auto-approve', '', ['enabled' => $enabled]);
        self::assertSame(200, $status, 'the sandbox\'s DV auto-approval switched');
    }

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
