<?php

namespace Rvssl\Whmcs\Tests;

use PHPUnit\Framework\TestCase;

/** A reseller without credit: the order waits, and WHMCS shows each side its own exact words. */
final class WaitingForPaymentTest extends TestCase
{
    protected function tearDown(): void
    {
        TestWhmcs::configure(TestWhmcs::reseller()['key']);
    }

    public function testAnOrderOfAResellerWithoutCreditShowsWaitingToClientAndAdmin(): void
    {
        $broke = TestPlatform::newReseller('Broke Hosting');
        TestWhmcs::configure($broke['key']);
        $domain = TestPlatform::uniqueDomain('waiting');
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), $domain,
            ['CSR' => TestPlatform::csr($domain), 'Approver Email' => 'admin@' . $domain]);

        self::assertSame('success', rvssl_CreateAccount($params));

        $page = TestPlatform::await(static function () use ($params) {
            $page = rvssl_ClientArea($params);
            return $page['vars']['state'] === 'WAITING_FOR_PAYMENT' ? $page : null;
        }, 60, 'the order to wait for payment');
        self::assertSame('Waiting Submit Order', $page['vars']['status']);
        self::assertStringContainsString('<strong>Waiting for Payment on RVglobalsoft.com</strong>',
            rvssl_AdminServicesTabFields($params)['RVssl Status']);
        self::assertSame('Waiting Submit Order', TestWhmcs::customField($params['serviceid'], 'Certificate Status'));
        $admin = TestWhmcs::adminPage();
        self::assertStringContainsString('1 order(s)', $admin);
        self::assertStringContainsString(TestWhmcs::link($params['serviceid'])->order_id, $admin);
        self::assertStringContainsString('Waiting for Payment', $admin);
    }
}
