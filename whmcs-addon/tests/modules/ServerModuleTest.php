<?php

namespace Rvssl\Whmcs\Tests;

use PHPUnit\Framework\TestCase;
use WHMCS\Database\Capsule;

/** The server (provisioning) module, each function called as WHMCS calls it, against the running platform. */
final class ServerModuleTest extends TestCase
{
    private array $reseller;

    protected function setUp(): void
    {
        $this->reseller = TestWhmcs::reseller();
    }

    public function testMetaDataDeclaresAnSslModuleThatNeedsNoServer(): void
    {
        $meta = rvssl_MetaData();

        self::assertSame('1.1', $meta['APIVersion']);
        self::assertFalse($meta['RequiresServer']);
        self::assertNotEmpty($meta['DisplayName']);
    }

    public function testConfigOptionsOfferTheCatalogsProductCodesAndTheTerm(): void
    {
        $options = rvssl_ConfigOptions();

        self::assertSame(['Product Code', 'Term'], array_keys($options));
        self::assertSame('rvssl_ProductCodes', $options['Product Code']['Loader']);
        self::assertArrayHasKey('12', $options['Term']['Options']);
        self::assertArrayHasKey('rapidssl-dv', rvssl_ProductCodes([]));
    }

    public function testEveryButtonAndAllowedClientFunctionIsAModuleFunction(): void
    {
        $functions = array_merge(array_values(rvssl_AdminCustomButtonArray()), array_values(rvssl_ClientAreaCustomButtonArray()),
            rvssl_ClientAreaAllowedFunctions());

        self::assertContains('approve', $functions);
        self::assertContains('refresh', $functions);
        foreach ($functions as $function) {
            self::assertTrue(function_exists('rvssl_' . $function), 'rvssl_' . $function);
        }
    }

    public function testAServiceNotYetCreatedSaysSoToClientAndAdmin(): void
    {
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), TestPlatform::uniqueDomain('early'));

        self::assertSame('Pending', rvssl_ClientArea($params)['vars']['status']);
        self::assertStringContainsString('No RVssl order yet', rvssl_AdminServicesTabFields($params)['RVssl Status']);
        self::assertStringContainsString('no certificate order yet', rvssl_approve($params));
    }

    public function testACertificateCreatedThenConfiguredIsShownIssuedInTheClientAreaWithDownloads(): void
    {
        $domain = TestPlatform::uniqueDomain('issued');
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), $domain);

        self::assertSame('success', rvssl_CreateAccount($params));
        $page = rvssl_ClientArea($params);
        self::assertSame('templates/clientarea', $page['templatefile']);
        self::assertTrue($page['vars']['needsConfiguration']);
        self::assertContains('admin@' . $domain, $page['vars']['approverEmails']);

        $csr = TestPlatform::csr($domain);
        $decoded = TestWhmcs::clientAction('rvssl_decodeCsr', $params, ['csr' => $csr]);
        self::assertSame($domain, $decoded['vars']['decodedCsr']['commonName']);

        self::assertSame('success', TestWhmcs::clientAction('rvssl_configure', $params,
            ['csr' => $csr, 'dcv_method' => 'EMAIL', 'approver_email' => 'admin@' . $domain]));
        $issued = TestPlatform::await(static function () use ($params) {
            $page = rvssl_ClientArea($params);
            return $page['vars']['status'] === 'Issued' ? $page : null;
        }, 120, 'the client area to show Issued');

        self::assertSame('ISSUED', $issued['vars']['state']);
        self::assertNotEmpty($issued['vars']['certificate']['serialNumber']);
        self::assertSame(['pem', 'pkcs7', 'bundle'], array_column($issued['vars']['downloads'], 'format'));
        self::assertTrue($issued['vars']['canReissue']);
        self::assertSame('Issued', TestWhmcs::customField($params['serviceid'], 'Certificate Status'));
        self::assertSame(TestWhmcs::link($params['serviceid'])->order_id, TestWhmcs::customField($params['serviceid'], 'RVssl Order ID'));

        ob_start();
        $result = TestWhmcs::clientAction('rvssl_download', $params, ['format' => 'pem']);
        $file = ob_get_clean();
        self::assertSame('success', $result);
        self::assertStringContainsString('-----BEGIN CERTIFICATE-----', $file);

        $admin = rvssl_AdminServicesTabFields($params);
        self::assertStringContainsString('Active', $admin['RVssl Status']);
        self::assertNotSame('-', $admin['CA Order ID']);
    }

    public function testAReissueWithANewCsrIsAcceptedAndOneForAnotherDomainIsExplained(): void
    {
        $domain = TestPlatform::uniqueDomain('reissue');
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), $domain,
            ['CSR' => TestPlatform::csr($domain), 'Approver Email' => 'admin@' . $domain]);
        self::assertSame('success', rvssl_CreateAccount($params));
        TestPlatform::await(static fn () => rvssl_ClientArea($params)['vars']['state'] === 'ISSUED', 120, 'issuance');

        $refused = TestWhmcs::clientAction('rvssl_reissue', $params, ['csr' => TestPlatform::csr('other-' . $domain)]);
        self::assertStringStartsWith('RVssl:', $refused);
        self::assertStringContainsString('[HTTP 4', $refused);

        self::assertSame('success', TestWhmcs::clientAction('rvssl_reissue', $params, ['csr' => TestPlatform::csr($domain)]));
    }

    public function testARetriedCreateAccountMakesOneOrder(): void
    {
        $domain = TestPlatform::uniqueDomain('retry');
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), $domain);

        self::assertSame('success', rvssl_CreateAccount($params));
        $first = TestWhmcs::link($params['serviceid'])->order_id;
        // as if WHMCS lost the reply of the first call: nothing recorded, the call made again
        Capsule::table('mod_rvssl_orders')->where('service_id', $params['serviceid'])->delete();
        self::assertSame('success', rvssl_CreateAccount($params));
        self::assertSame('success', rvssl_CreateAccount($params));

        self::assertSame($first, TestWhmcs::link($params['serviceid'])->order_id);
        self::assertCount(1, TestPlatform::ordersFor($this->reseller['key'], $domain));
    }

    public function testTerminateCancelsTheOrderAndTheService(): void
    {
        $domain = TestPlatform::uniqueDomain('terminate');
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), $domain);
        self::assertSame('success', rvssl_CreateAccount($params));

        self::assertSame('success', rvssl_TerminateAccount($params));

        $order = TestPlatform::order($this->reseller['key'], TestWhmcs::link($params['serviceid'])->order_id);
        self::assertSame('CANCELLED', $order['state']);
        self::assertSame('Cancelled', Capsule::table('tblhosting')->where('id', $params['serviceid'])->value('domainstatus'));
        self::assertSame('CANCELLED', rvssl_ClientArea($params)['vars']['state']);
    }

    public function testCreatingAgainAfterTerminationPlacesAFreshOrderOnce(): void
    {
        $domain = TestPlatform::uniqueDomain('again');
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), $domain);
        self::assertSame('success', rvssl_CreateAccount($params));
        $cancelled = TestWhmcs::link($params['serviceid'])->order_id;
        self::assertSame('success', rvssl_TerminateAccount($params));

        self::assertSame('success', rvssl_CreateAccount($params));
        self::assertSame('success', rvssl_CreateAccount($params));

        $link = TestWhmcs::link($params['serviceid']);
        self::assertNotSame($cancelled, $link->order_id);
        self::assertSame('AWAITING_CONFIGURATION', $link->state);
        self::assertCount(2, TestPlatform::ordersFor($this->reseller['key'], $domain));
    }

    public function testRenewPlacesOneOrderForTheNextTermEvenWhenRetried(): void
    {
        $domain = TestPlatform::uniqueDomain('renew');
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), $domain,
            ['CSR' => TestPlatform::csr($domain), 'Approver Email' => 'admin@' . $domain]);
        self::assertSame('success', rvssl_CreateAccount($params));
        $original = TestWhmcs::link($params['serviceid'])->order_id;

        self::assertSame('success', rvssl_Renew($params));
        self::assertSame('success', rvssl_Renew($params));

        $link = TestWhmcs::link($params['serviceid']);
        self::assertNotSame($original, $link->order_id);
        self::assertSame([$original], json_decode($link->previous_order_ids, true));
        self::assertSame('AWAITING_CONFIGURATION', $link->state);
        self::assertCount(2, TestPlatform::ordersFor($this->reseller['key'], $domain));
    }

    public function testApproveSubmitsAnOrderHeldForTheResellersApproval(): void
    {
        TestWhmcs::adminPage(['rvssl_action' => 'autoOrder', 'mode' => 'ON_RESELLER_APPROVAL']);
        try {
            $domain = TestPlatform::uniqueDomain('approve');
            $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), $domain,
                ['CSR' => TestPlatform::csr($domain), 'Approver Email' => 'admin@' . $domain]);
            self::assertSame('success', rvssl_CreateAccount($params));
            self::assertSame('AWAITING_APPROVAL', TestWhmcs::link($params['serviceid'])->state);
            self::assertStringContainsString('Approval', rvssl_AdminServicesTabFields($params)['RVssl Status']);

            self::assertSame('success', rvssl_approve($params));

            self::assertNotSame('AWAITING_APPROVAL', TestWhmcs::link($params['serviceid'])->state);
        } finally {
            TestWhmcs::adminPage(['rvssl_action' => 'autoOrder', 'mode' => 'AUTOMATIC']);
        }
    }

    public function testResendDcvAsksAgainWhileTheCaValidatesAndExplainsWhenItCannot(): void
    {
        $domain = TestPlatform::uniqueDomain('resend');
        $params = TestWhmcs::service(TestWhmcs::product('digicert-ov'), $domain, [], ['companyname' => 'Customer Ltd']);
        self::assertSame('success', rvssl_CreateAccount($params));
        $tooEarly = TestWhmcs::clientAction('rvssl_resendDcv', $params);
        self::assertStringContainsString('only be resent while the CA validates', $tooEarly);

        self::assertSame('success', TestWhmcs::clientAction('rvssl_configure', $params,
            ['csr' => TestPlatform::csr($domain), 'dcv_method' => 'EMAIL', 'approver_email' => 'admin@' . $domain]));
        $validating = TestPlatform::await(static function () use ($params) {
            $page = rvssl_ClientArea($params);
            return $page['vars']['canResendDcv'] ? $page : null;
        }, 120, 'the CA validating');
        $reported = $validating['vars']['order']['validation'] ?? null;
        if (is_array($reported)) {
            // a platform reporting validation progress: its stage and one DCV step per domain are shown
            // (nothing at all while the CA has not said yet what it waits for)
            $shown = $validating['vars']['validation'];
            self::assertSame((string) ($reported['stage'] ?? ''), $shown['stage'] ?? '');
            self::assertSame($reported['dcv'][0]['domain'] ?? null, $shown['dcv'][0]['domain'] ?? null);
        } else {
            // a platform reporting only the level ("OV"): nothing to show, and the page still stands
            self::assertNull($validating['vars']['validation']);
            self::assertSame('Pending Validation', $validating['vars']['status']);
        }

        self::assertSame('success', TestWhmcs::clientAction('rvssl_resendDcv', $params));
        $order = TestPlatform::order($this->reseller['key'], TestWhmcs::link($params['serviceid'])->order_id);
        self::assertStringContainsString('resend', json_encode($order['timeline']));
        rvssl_TerminateAccount($params);
    }

    public function testTheClientSwitchesAValidatingOrderToDnsAndIsToldWhenItCannot(): void
    {
        $domain = TestPlatform::uniqueDomain('switch');
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), $domain);
        self::assertSame('success', rvssl_CreateAccount($params));
        $tooEarly = TestWhmcs::clientAction('rvssl_changeDcv', $params, ['dcv_method' => 'DNS']);
        self::assertStringContainsString('only be changed while the CA validates', $tooEarly);

        // by HTTP file, which the sandbox never approves by itself: the order waits at the CA
        self::assertSame('success', TestWhmcs::clientAction('rvssl_configure', $params,
            ['csr' => TestPlatform::csr($domain), 'dcv_method' => 'HTTP']));
        $validating = TestPlatform::await(static function () use ($params) {
            $page = rvssl_ClientArea($params);
            return $page['vars']['canChangeDcv'] ? $page : null;
        }, 120, 'the CA validating');
        self::assertContains('admin@' . $domain, $validating['vars']['approverEmails']);

        $refused = TestWhmcs::clientAction('rvssl_changeDcv', $params,
            ['dcv_method' => 'EMAIL', 'approver_email' => 'someone@elsewhere.example']);
        self::assertStringContainsString('accepts only these addresses', $refused);
        self::assertSame('success', TestWhmcs::clientAction('rvssl_changeDcv', $params,
            ['dcv_method' => 'DNS', 'approver_email' => 'admin@' . $domain]));

        $order = TestPlatform::order($this->reseller['key'], TestWhmcs::link($params['serviceid'])->order_id);
        self::assertStringContainsString('Validation method changed to DNS record', json_encode($order['timeline']));
        $byDns = TestPlatform::await(static function () use ($params) {
            $page = rvssl_ClientArea($params);
            return ($page['vars']['validation']['dcv'][0]['method'] ?? null) === 'DNS' ? $page : null;
        }, 120, 'the DNS record to create shown');
        self::assertSame('_dnsauth.' . $domain, $byDns['vars']['validation']['dcv'][0]['target']);
        rvssl_TerminateAccount($params);
    }

    public function testRefreshRecordsAChangeMadeOutsideWhmcs(): void
    {
        $domain = TestPlatform::uniqueDomain('refresh');
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), $domain);
        self::assertSame('success', rvssl_CreateAccount($params));
        $orderId = TestWhmcs::link($params['serviceid'])->order_id;
        TestPlatform::call('POST', TestPlatform::orderUrl() . '/api/v1/orders/' . $orderId . '/cancel', $this->reseller['key']);

        self::assertSame('success', rvssl_refresh($params));

        self::assertSame('CANCELLED', TestWhmcs::link($params['serviceid'])->state);
    }

    public function testAnApiErrorBecomesAReadableMessageAndAnUnreachableApiKeepsThePageUp(): void
    {
        $params = TestWhmcs::service(TestWhmcs::product('no-such-product'), TestPlatform::uniqueDomain('unknown'));

        $message = rvssl_CreateAccount($params);

        self::assertStringStartsWith('RVssl: ', $message);
        self::assertStringContainsString('no-such-product', $message);

        $domain = TestPlatform::uniqueDomain('offline');
        $params = TestWhmcs::service(TestWhmcs::product('rapidssl-dv'), $domain);
        self::assertSame('success', rvssl_CreateAccount($params));
        Capsule::table('tbladdonmodules')->where('setting', 'apiUrl')->update(['value' => 'http://127.0.0.1:9']);
        try {
            $page = rvssl_ClientArea($params);
            self::assertStringContainsString('could not be reached', $page['vars']['error']);
            self::assertSame('AWAITING_CONFIGURATION', $page['vars']['state']);
            self::assertNotSame('', $page['vars']['status']);
        } finally {
            TestWhmcs::configure($this->reseller['key']);
        }
    }

    public function testEveryCallIsInTheModuleLogWithTheApiKeyMasked(): void
    {
        rvssl_ProductCodes([]);

        $entries = Capsule::table('tblmodulelog')->get()->all();
        self::assertNotEmpty($entries);
        foreach ($entries as $entry) {
            $text = $entry->request . $entry->response . $entry->arrdata;
            self::assertStringNotContainsString($this->reseller['key'], $text);
        }
        self::assertStringContainsString('Bearer ********', end($entries)->request);
        self::assertStringContainsString($this->reseller['key'], end($entries)->replacevars);
    }
}
