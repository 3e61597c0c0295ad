<?php

namespace Rvssl\Whmcs\Tests;

use PHPUnit\Framework\TestCase;
use Rvssl\Whmcs\ServiceOrders;

/**
 * The client area's state changes (configure, reissue, resend DCV, change DCV) against forged
 * requests: each needs a POST carrying WHMCS's CSRF token; anything else changes nothing and
 * calls no platform API. The API is a stub that records what it was sent.
 */
final class ClientAreaFormsTest extends TestCase
{
    private const CSR = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----";

    protected function setUp(): void
    {
        StubPlatform::use();
    }

    /** @return array<string, array{0: string, 1: string, 2: string, 3: string, 4: array}> function, state, method, path suffix, form */
    public static function stateChanges(): array
    {
        return [
            'configure' => ['rvssl_configure', 'AWAITING_CONFIGURATION', 'PUT', '/configuration',
                ['csr' => self::CSR, 'dcv_method' => 'EMAIL', 'approver_email' => 'admin@shop.example.com']],
            'reissue' => ['rvssl_reissue', 'ISSUED', 'POST', '/reissue', ['csr' => self::CSR]],
            'resend DCV' => ['rvssl_resendDcv', 'PENDING_VALIDATION', 'POST', '/dcv/resend', []],
            'change DCV' => ['rvssl_changeDcv', 'PENDING_VALIDATION', 'PUT', '/dcv', ['dcv_method' => 'DNS']],
        ];
    }

    /** @dataProvider stateChanges */
    public function testAPostWithoutTheTokenChangesNothingAndCallsNoApi(string $function, string $state, string $method,
        string $suffix, array $form): void
    {
        $params = $this->serviceWithOrder($state);

        $result = TestWhmcs::clientAction($function, $params, $form + ['token' => null]);

        self::assertStringContainsString('security token', $result);
        $this->assertNothingChanged($params, $state);
    }

    /** @dataProvider stateChanges */
    public function testAPostWithAWrongTokenChangesNothingAndCallsNoApi(string $function, string $state, string $method,
        string $suffix, array $form): void
    {
        $params = $this->serviceWithOrder($state);

        $result = TestWhmcs::clientAction($function, $params, $form + ['token' => sha1('forged')]);

        self::assertStringContainsString('security token', $result);
        $this->assertNothingChanged($params, $state);
    }

    /** @dataProvider stateChanges */
    public function testAGetChangesNothingEvenWithTheTokenAndSaysWhy(string $function, string $state, string $method,
        string $suffix, array $form): void
    {
        $params = $this->serviceWithOrder($state);

        // a link (or an <img src>) on another site, token leaked in a URL or not: a GET never changes anything
        $result = TestWhmcs::clientAction($function, $params, $form, 'GET');

        self::assertStringContainsString('button on the certificate page', $result);
        $this->assertNothingChanged($params, $state);
    }

    /** @dataProvider stateChanges */
    public function testThePagesOwnFormWithItsTokenStillDoesTheChange(string $function, string $state, string $method,
        string $suffix, array $form): void
    {
        $params = $this->serviceWithOrder($state);
        $orderId = TestWhmcs::link($params['serviceid'])->order_id;
        StubPlatform::answer($method, '/api/v1/orders/' . $orderId . $suffix, 200,
            self::order($orderId, 'SUBMITTED', $params['serviceid']));

        $result = TestWhmcs::clientAction($function, $params, $form);

        self::assertSame('success', $result);
        self::assertSame([[$method, '/api/v1/orders/' . $orderId . $suffix]],
            array_map(static fn (array $r) => [$r['method'], $r['path']], StubPlatform::changes()));
        self::assertSame('SUBMITTED', TestWhmcs::link($params['serviceid'])->state);
    }

    public function testThePageGivesTheTemplateTheSessionsToken(): void
    {
        $params = $this->serviceWithOrder('PENDING_VALIDATION');
        $orderId = TestWhmcs::link($params['serviceid'])->order_id;
        StubPlatform::answer('GET', '/api/v1/orders/' . $orderId, 200, self::order($orderId, 'PENDING_VALIDATION', $params['serviceid']));
        StubPlatform::answer('GET', '/api/v1/dcv/approver-emails', 200, ['approverEmails' => ['admin@shop.example.com']]);

        $page = rvssl_ClientArea($params);

        self::assertSame(generate_token('plain'), $page['vars']['csrfToken']);
        self::assertTrue($page['vars']['canResendDcv']);
        self::assertSame([], StubPlatform::changes());
    }

    public function testEveryFormOfTheTemplatePostsTheTokenAndNoLinkChangesAnything(): void
    {
        $template = (string) file_get_contents(__DIR__ . '/../../modules/servers/rvssl/templates/clientarea.tpl');

        preg_match_all('#<form\b[^>]*>.*?</form>#s', $template, $forms);
        self::assertCount(4, $forms[0], 'configure (and check CSR), reissue, change DCV, resend DCV');
        foreach ($forms[0] as $form) {
            self::assertMatchesRegularExpression('#^<form method="post"#', $form);
            self::assertStringContainsString('<input type="hidden" name="token" value="{$csrfToken|escape}">', $form);
        }
        self::assertMatchesRegularExpression('#<form method="post" action="[^"]*a=resendDcv"#', $template);
        // links are for reading only: the downloads
        preg_match_all('#href="([^"]*)"#', $template, $links);
        self::assertSame(['{$download.url}'], $links[1]);
        foreach (['configure', 'reissue', 'resendDcv', 'changeDcv'] as $function) {
            self::assertStringNotContainsString('a=' . $function . '"', implode(' ', $links[1]));
        }
    }

    public function testNoButtonWhmcsDrawsAsALinkChangesAnythingAndAdminButtonsStayOutOfTheClientArea(): void
    {
        // WHMCS draws the client area's custom buttons as plain links (GETs): none may change anything
        self::assertSame([], rvssl_ClientAreaCustomButtonArray());
        self::assertSame([], array_intersect(array_values(rvssl_AdminCustomButtonArray()), rvssl_ClientAreaAllowedFunctions()));
    }

    private function assertNothingChanged(array $params, string $state): void
    {
        self::assertSame([], StubPlatform::requests(), 'no platform API may be called');
        self::assertSame($state, TestWhmcs::link($params['serviceid'])->state);
    }

    private function serviceWithOrder(string $state): array
    {
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), 'shop.example.com');
        ServiceOrders::record(self::order('ord-' . bin2hex(random_bytes(6)), $state, $params['serviceid']), $params['serviceid']);
        StubPlatform::forget();
        return $params;
    }

    private static function order(string $id, string $state, int $serviceId): array
    {
        return ['id' => $id, 'state' => $state, 'whmcsServiceId' => (string) $serviceId, 'domains' => ['shop.example.com'],
            'views' => ['client' => ['status' => 'Status ' . $state, 'detail' => ''], 'admin' => ['status' => $state, 'detail' => '']]];
    }
}
