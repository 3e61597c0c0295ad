<?php

namespace Rvssl\Whmcs\Tests;

use PHPUnit\Framework\TestCase;
use WHMCS\Database\Capsule;

/**
 * The addon's admin page against a stub of the API: forms need WHMCS's CSRF token, and a top-up
 * is a payment the admin makes at RVglobalsoft.com (API.md: 201 PENDING_PAYMENT with a
 * paymentUrl), credited only once the payment provider confirms it.
 */
final class AdminPageTest extends TestCase
{
    private const PAYMENT_URL = 'https://pay.rvglobalsoft.test/checkout/tu-1?session=abc';

    protected function setUp(): void
    {
        StubPlatform::use();
        rvssl_activate();
        Capsule::table('mod_rvssl_top_ups')->delete();
        StubPlatform::answer('GET', '/api/v1/account', 200, ['resellerId' => 'r-1', 'balance' => ['amount' => 1000, 'currency' => 'USD'],
            'waitingForPayment' => ['count' => 0, 'amount' => ['amount' => 0, 'currency' => 'USD']]]);
        StubPlatform::answer('GET', '/api/v1/account/waiting-orders', 200, []);
        StubPlatform::answer('GET', '/api/v1/settings/auto-order', 200, ['mode' => 'AUTOMATIC']);
        StubPlatform::answer('GET', '/api/v1/products', 200, []);
        StubPlatform::forget();
    }

    public function testAnActionPostedWithoutTheTokenOrWithAWrongOneChangesNothing(): void
    {
        foreach ([null, sha1('forged')] as $token) {
            $page = TestWhmcs::adminPage(['rvssl_action' => 'autoOrder', 'mode' => 'MANUAL', 'token' => $token]);

            self::assertStringContainsString('alert-danger', $page);
            self::assertSame([], StubPlatform::changes());
        }
    }

    public function testTheTopUpFormCarriesTheTokenAndAnIdempotencyKey(): void
    {
        $page = TestWhmcs::adminPage();

        self::assertMatchesRegularExpression('#<form method="post"[^>]*>' . preg_quote(generate_token('form'), '#')
            . '<input type="hidden" name="rvssl_action" value="startTopUp"><input type="hidden" name="idempotencyKey" value="whmcs-top-up-[0-9a-f]{24}">#',
            $page);
        self::assertSame([], StubPlatform::changes());
    }

    public function testATopUpStartsAPaymentAndSendsTheAdminToPayItWithoutSayingCreditWasAdded(): void
    {
        $this->platformStartsPayment(self::PAYMENT_URL);

        $page = TestWhmcs::adminPage(['rvssl_action' => 'startTopUp', 'amount' => '50.00', 'idempotencyKey' => 'whmcs-top-up-1']);

        $changes = StubPlatform::changes();
        self::assertCount(1, $changes);
        self::assertSame(['POST', '/api/v1/account/top-ups'], [$changes[0]['method'], $changes[0]['path']]);
        self::assertSame(['amount' => 5000, 'currency' => 'USD'], $changes[0]['body']['amount']);
        self::assertSame('whmcs-top-up-1', $changes[0]['headers']['idempotency-key']);
        $link = '<a class="btn btn-primary rvssl-pay" href="' . htmlspecialchars(self::PAYMENT_URL) . '" target="_blank" rel="noopener noreferrer">';
        self::assertStringContainsString($link . 'Pay 50.00 USD at RVglobalsoft.com</a>', $page);
        self::assertStringContainsString('No credit is added until the payment is confirmed', $page);
        self::assertMatchesRegularExpression('#class="rvssl-balance">10.00 USD<#', $page);
        // nothing on the page says the credit is there: only a paid top-up reads "credited"
        self::assertDoesNotMatchRegularExpression('#(?<!no )credit added|credited|added to your balance|topped up#i', $page);
        $row = Capsule::table('mod_rvssl_top_ups')->where('top_up_id', 'tu-1')->first();
        self::assertSame('PENDING_PAYMENT', $row->status);
    }

    public function testAPendingTopUpShowsTheStatusThePlatformReportsUntilItIsFinal(): void
    {
        $this->platformStartsPayment(self::PAYMENT_URL);
        TestWhmcs::adminPage(['rvssl_action' => 'startTopUp', 'amount' => '50', 'idempotencyKey' => 'whmcs-top-up-2']);

        $pending = TestWhmcs::adminPage();
        self::assertMatchesRegularExpression('#<tr data-top-up="tu-1"><td>[^<]+</td><td>50.00 USD</td><td class="rvssl-top-up-status">'
            . 'Waiting for your payment: no credit added yet</td><td><a class="btn btn-default btn-sm" href="[^"]+" target="_blank"#', $pending);

        StubPlatform::answer('GET', '/api/v1/account/top-ups/tu-1', 200, ['id' => 'tu-1', 'status' => 'PAID',
            'amount' => ['amount' => 5000, 'currency' => 'USD'], 'reference' => 'WHMCS top-up', 'createdAt' => '2026-12-06T02:00:00Z',
            'paidAt' => '2026-12-06T02:01:00Z']);
        StubPlatform::forget();
        $paid = TestWhmcs::adminPage();

        self::assertStringContainsString('<td class="rvssl-top-up-status">Paid: 50.00 USD credited</td><td></td>', $paid);
        self::assertContains(['GET', '/api/v1/account/top-ups/tu-1'],
            array_map(static fn (array $r) => [$r['method'], $r['path']], StubPlatform::requests()));
        StubPlatform::forget();
        TestWhmcs::adminPage();
        self::assertNotContains(['GET', '/api/v1/account/top-ups/tu-1'],
            array_map(static fn (array $r) => [$r['method'], $r['path']], StubPlatform::requests()), 'a paid top-up is final');
    }

    public function testATopUpPostedWithoutTheTokenStartsNoPayment(): void
    {
        $this->platformStartsPayment(self::PAYMENT_URL);

        $page = TestWhmcs::adminPage(['rvssl_action' => 'startTopUp', 'amount' => '50.00', 'token' => null]);

        self::assertStringContainsString('alert-danger', $page);
        self::assertSame([], StubPlatform::changes());
        self::assertSame(0, Capsule::table('mod_rvssl_top_ups')->count());
    }

    public function testAnAmountThatIsNoPositiveNumberStartsNoPayment(): void
    {
        foreach (['', 'fifty', '-5', '0'] as $amount) {
            $page = TestWhmcs::adminPage(['rvssl_action' => 'startTopUp', 'amount' => $amount]);

            self::assertStringContainsString('alert-danger', $page, $amount);
        }
        self::assertSame([], StubPlatform::changes());
    }

    public function testAPaymentAddressThatIsNotAWebAddressIsNeverALink(): void
    {
        $this->platformStartsPayment('javascript:alert(document.cookie)');

        $page = TestWhmcs::adminPage(['rvssl_action' => 'startTopUp', 'amount' => '50.00']);

        self::assertStringNotContainsString('javascript:', $page);
        self::assertStringContainsString('no payment address', $page);
    }

    public function testAnAnswerWithoutATopUpIdIsShownAsAnErrorAndRecordsNothing(): void
    {
        StubPlatform::answer('POST', '/api/v1/account/top-ups', 201, ['status' => 'PENDING_PAYMENT', 'paymentUrl' => self::PAYMENT_URL]);

        $page = TestWhmcs::adminPage(['rvssl_action' => 'startTopUp', 'amount' => '50.00']);

        self::assertStringContainsString('alert-danger">RVssl: RVssl answered something unexpected', $page);
        self::assertSame(0, Capsule::table('mod_rvssl_top_ups')->count());
    }

    private function platformStartsPayment(string $paymentUrl): void
    {
        $topUp = ['id' => 'tu-1', 'status' => 'PENDING_PAYMENT', 'amount' => ['amount' => 5000, 'currency' => 'USD'],
            'paymentUrl' => $paymentUrl];
        StubPlatform::answer('POST', '/api/v1/account/top-ups', 201, $topUp);
        StubPlatform::answer('GET', '/api/v1/account/top-ups/tu-1', 200, $topUp + ['reference' => 'WHMCS top-up',
            'createdAt' => '2026-12-06T02:00:00Z', 'paidAt' => null]);
    }
}
