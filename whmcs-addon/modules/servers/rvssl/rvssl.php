<?php
/**
 * RVssl server (provisioning) module: an SSL certificate product in WHMCS is an order at
 * RVglobalsoft.com. WHMCS calls these functions on module events (create, terminate, renew),
 * on the client's product page and on the admin's service tab. Connection settings come from
 * the RVssl addon module (Setup > Addon Modules > RVssl); the shared classes live there too.
 *
 * Every function answers WHMCS's way: "success" or a readable error sentence (never an
 * exception, which WHMCS would show as a blank or broken page).
 */

use Rvssl\Whmcs\ApiProblem;
use Rvssl\Whmcs\ClientArea;
use Rvssl\Whmcs\FormGuard;
use Rvssl\Whmcs\Platform;
use Rvssl\Whmcs\ServiceOrders;
use WHMCS\Database\Capsule;

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

require_once __DIR__ . '/../../addons/rvssl/lib/autoload.php';

function rvssl_MetaData()
{
    return [
        'DisplayName' => 'RVssl SSL Certificates',
        'APIVersion' => '1.1',
        'RequiresServer' => false,
    ];
}

function rvssl_ConfigOptions()
{
    return [
        'Product Code' => [
            'Type' => 'text',
            'Size' => '40',
            'Loader' => 'rvssl_ProductCodes',
            'SimpleMode' => true,
            'Description' => 'The RVssl product, e.g. rapidssl-dv',
        ],
        'Term' => [
            'Type' => 'dropdown',
            'Options' => ['12' => '1 year', '24' => '2 years'],
            'Default' => '12',
            'SimpleMode' => true,
            'Description' => 'The certificate term ordered at RVssl',
        ],
    ];
}

/** The "Product Code" option's loader: WHMCS shows the catalog as a drop-down. */
function rvssl_ProductCodes(array $params)
{
    $codes = [];
    foreach (Platform::connect()->products() as $product) {
        $codes[$product['code']] = $product['name'] . ' (' . $product['validation'] . ', ' . $product['type'] . ')';
    }
    return $codes;
}

function rvssl_CreateAccount(array $params)
{
    return rvssl_run(static function (Platform $platform) use ($params) {
        $serviceId = (int) $params['serviceid'];
        $current = ServiceOrders::find($serviceId);
        // the key is the service's, so WHMCS retrying a call that timed out gets the same order back;
        // after a cancellation a fresh order needs a fresh key, derived from the cancelled one
        if ($current !== null && $current->state !== 'CANCELLED') {
            // already placed (and recorded): asking again could only differ in details the client edited since
            ServiceOrders::record($platform->find($current->order_id), $serviceId);
            return 'success';
        }
        $key = 'whmcs-service-' . $serviceId;
        if ($current !== null) {
            $key .= '-after-' . $current->order_id;
        }
        $order = $platform->placeOrder(rvssl_order_body($params), $key);
        ServiceOrders::record($order, $serviceId);
        return 'success';
    });
}

function rvssl_TerminateAccount(array $params)
{
    return rvssl_with_order($params, static function (Platform $platform, object $link) {
        ServiceOrders::record($platform->cancel($link->order_id, 'terminated in WHMCS'), (int) $link->service_id);
        return 'success';
    });
}

/**
 * WHMCS calls this once the renewal invoice is paid: a new order for the next term, keyed by
 * the service and its due date, so a retried renewal orders once. It waits for the new CSR.
 */
function rvssl_Renew(array $params)
{
    return rvssl_run(static function (Platform $platform) use ($params) {
        $serviceId = (int) $params['serviceid'];
        $due = (string) Capsule::table('tblhosting')->where('id', $serviceId)->value('nextduedate');
        $body = rvssl_order_body($params);
        unset($body['csr'], $body['dcv']);
        $order = $platform->placeOrder($body, 'whmcs-service-' . $serviceId . '-renewal-' . $due);
        ServiceOrders::record($order, $serviceId);
        return 'success';
    });
}

function rvssl_ClientArea(array $params)
{
    return ClientArea::page($params);
}

/**
 * None: WHMCS draws these buttons as plain links (GET), and every client-area action changes the
 * order; each is a POST form with the CSRF token in templates/clientarea.tpl instead.
 */
function rvssl_ClientAreaCustomButtonArray()
{
    return [];
}

function rvssl_ClientAreaAllowedFunctions()
{
    return ['configure', 'decodeCsr', 'reissue', 'resendDcv', 'changeDcv', 'download'];
}

/** The client's configuration form: CSR, DCV method and approver, organisation for OV/EV. */
function rvssl_configure(array $params)
{
    return rvssl_client_change($params, static function (Platform $platform, object $link) use ($params) {
        $form = $_POST;
        $configuration = [
            'csr' => trim((string) ($form['csr'] ?? '')),
            'dcv' => array_filter([
                'method' => strtoupper((string) ($form['dcv_method'] ?? 'EMAIL')),
                'approverEmail' => trim((string) ($form['approver_email'] ?? '')),
            ], static fn ($v) => $v !== ''),
        ];
        $organization = rvssl_organization($params, $form);
        if ($organization !== null) {
            $configuration['organization'] = $organization;
        }
        ServiceOrders::record($platform->configure($link->order_id, $configuration), (int) $link->service_id);
        return 'success';
    });
}

/** Shows what a pasted CSR contains before the client submits it. */
function rvssl_decodeCsr(array $params)
{
    $page = ClientArea::page($params);
    try {
        $page['vars']['decodedCsr'] = Platform::connect()->decodeCsr(trim((string) ($_POST['csr'] ?? '')));
        $page['vars']['csr'] = (string) $_POST['csr'];
    } catch (ApiProblem $problem) {
        $page['vars']['error'] = $problem->getMessage();
    }
    return $page;
}

function rvssl_reissue(array $params)
{
    return rvssl_client_change($params, static function (Platform $platform, object $link) {
        ServiceOrders::record($platform->reissue($link->order_id, trim((string) ($_POST['csr'] ?? ''))),
            (int) $link->service_id);
        return 'success';
    });
}

/** The client's "Resend approval email" button (a POST form on the certificate page). */
function rvssl_resendDcv(array $params)
{
    return rvssl_client_change($params, 'rvssl_resend_dcv');
}

/** The admin's "Resend DCV Email" button (WHMCS's admin area guards its module commands itself; not client-callable). */
function rvssl_adminResendDcv(array $params)
{
    return rvssl_with_order($params, 'rvssl_resend_dcv');
}

function rvssl_resend_dcv(Platform $platform, object $link)
{
    ServiceOrders::record($platform->resendDcv($link->order_id), (int) $link->service_id);
    return 'success';
}

/**
 * The client switches the validation method (an approval email that never arrives, a DNS zone
 * easier to edit than the web server): EMAIL with the approver picked, HTTP or DNS.
 */
function rvssl_changeDcv(array $params)
{
    return rvssl_client_change($params, static function (Platform $platform, object $link) {
        $method = strtoupper(trim((string) ($_POST['dcv_method'] ?? '')));
        $dcv = ['method' => $method];
        if ($method === 'EMAIL') {
            $dcv['approverEmail'] = trim((string) ($_POST['approver_email'] ?? ''));
        }
        ServiceOrders::record($platform->changeDcv($link->order_id, $dcv), (int) $link->service_id);
        return 'success';
    });
}

/** Sends the issued certificate as a file (pem, pkcs7 or bundle); an error is shown on the page instead. */
function rvssl_download(array $params)
{
    $format = (string) ($_REQUEST['format'] ?? 'pem');
    $file = null;
    $result = rvssl_with_order($params, static function (Platform $platform, object $link) use ($format, &$file) {
        $file = $platform->certificate($link->order_id, $format);
        return 'success';
    });
    if ($file === null) {
        return $result;
    }
    $extension = ['pem' => 'pem', 'pkcs7' => 'p7b', 'bundle' => 'ca-bundle.crt'][$format] ?? 'txt';
    if (!headers_sent()) {
        header('Content-Type: application/octet-stream');
        header('Content-Disposition: attachment; filename="' . preg_replace('/[^A-Za-z0-9.-]/', '_',
            (string) ($params['domain'] ?? 'certificate')) . '.' . $extension . '"');
    }
    echo $file;
    if (!defined('RVSSL_NO_EXIT')) {
        exit; // the file is the whole reply; WHMCS must not draw its page after it
    }
    return 'success';
}

function rvssl_AdminServicesTabFields(array $params)
{
    $link = ServiceOrders::find((int) $params['serviceid']);
    if ($link === null) {
        return ['RVssl Status' => 'No RVssl order yet (run Create).'];
    }
    try {
        $order = Platform::connect()->find($link->order_id);
        ServiceOrders::record($order, (int) $params['serviceid']);
        $link = ServiceOrders::find((int) $params['serviceid']);
    } catch (ApiProblem $problem) {
        $note = '<br><span class="label label-warning">' . htmlspecialchars($problem->getMessage()) . '</span>';
    }
    $e = static fn ($s) => htmlspecialchars((string) $s, ENT_QUOTES, 'UTF-8');
    return [
        'RVssl Status' => '<strong>' . $e($link->admin_status) . '</strong> ' . $e($link->admin_detail) . ($note ?? ''),
        'RVssl Order ID' => $e($link->order_id),
        'CA Order ID' => $link->ca_order_id !== null && $link->ca_order_id !== '' ? $e($link->ca_order_id) : '-',
        // a plan outlives its certificates (at most 199 days each): the platform reissues until the plan's end
        'Plan End' => $e(ServiceOrders::day($link->plan_end) ?? '-'),
        'Certificate Expiry' => $e(ServiceOrders::day($link->certificate_not_after) ?? '-')
            . ($link->certificate_serial !== null ? ' (serial ' . $e($link->certificate_serial) . ')' : '')
            . ($link->renewal_in_progress ? ' <span class="label label-info">renewal in progress</span>' : ''),
    ];
}

function rvssl_AdminCustomButtonArray()
{
    return [
        'Approve Order' => 'approve',
        'Resend DCV Email' => 'adminResendDcv',
        'Refresh Status' => 'refresh',
    ];
}

function rvssl_approve(array $params)
{
    return rvssl_with_order($params, static function (Platform $platform, object $link) {
        ServiceOrders::record($platform->approve($link->order_id), (int) $link->service_id);
        return 'success';
    });
}

function rvssl_refresh(array $params)
{
    return rvssl_with_order($params, static function (Platform $platform, object $link) {
        ServiceOrders::record($platform->find($link->order_id), (int) $link->service_id);
        return 'success';
    });
}

/** The order as API.md places it, from the service, its product options and the client. */
function rvssl_order_body(array $params)
{
    $client = $params['clientsdetails'] ?? [];
    $name = trim((string) ($client['fullname'] ?? (($client['firstname'] ?? '') . ' ' . ($client['lastname'] ?? ''))));
    $body = [
        'productCode' => trim((string) ($params['configoption1'] ?? '')),
        'termMonths' => (int) ($params['configoption2'] ?? 12),
        'domains' => array_values(array_filter(array_map('trim', explode(',', (string) ($params['domain'] ?? ''))))),
        'whmcsServiceId' => (string) $params['serviceid'],
        'customer' => ['name' => $name !== '' ? $name : (string) ($client['email'] ?? ''), 'email' => (string) ($client['email'] ?? '')],
    ];
    // an order form may collect the CSR up front (product custom fields), then one call does all
    $fields = $params['customfields'] ?? [];
    if (trim((string) ($fields['CSR'] ?? '')) !== '') {
        $body['csr'] = trim((string) $fields['CSR']);
        $body['dcv'] = array_filter([
            'method' => strtoupper(trim((string) ($fields['DCV Method'] ?? '')) ?: 'EMAIL'),
            'approverEmail' => trim((string) ($fields['Approver Email'] ?? '')),
        ], static fn ($v) => $v !== '');
        $organization = rvssl_organization($params, []);
        if ($organization !== null) {
            $body['organization'] = $organization;
        }
    }
    return $body;
}

/** The organisation for OV/EV: the posted form's fields, else the client's company details; null if incomplete. */
function rvssl_organization(array $params, array $form)
{
    $client = $params['clientsdetails'] ?? [];
    $pick = static fn (string $field, string $fallback) => trim((string) (($form[$field] ?? '') !== '' ? $form[$field] : $fallback));
    $organization = [
        'name' => $pick('org_name', (string) ($client['companyname'] ?? '')),
        'country' => $pick('org_country', (string) ($client['country'] ?? '')),
        'city' => $pick('org_city', (string) ($client['city'] ?? '')),
        'address' => $pick('org_address', (string) ($client['address1'] ?? '')),
        'phone' => $pick('org_phone', (string) ($client['phonenumber'] ?? '')),
        'contact' => [
            'name' => $pick('contact_name', trim(($client['firstname'] ?? '') . ' ' . ($client['lastname'] ?? ''))),
            'email' => $pick('contact_email', (string) ($client['email'] ?? '')),
            'phone' => $pick('contact_phone', (string) ($client['phonenumber'] ?? '')),
        ],
    ];
    foreach (['name', 'country', 'city', 'address', 'phone'] as $required) {
        if ($organization[$required] === '') {
            return null;
        }
    }
    return $organization;
}

/** Runs an API conversation, turning anything thrown into the sentence WHMCS shows. */
function rvssl_run(callable $call)
{
    try {
        return $call(Platform::connect());
    } catch (ApiProblem $problem) {
        return $problem->getMessage();
    } catch (\Throwable $failure) {
        return 'RVssl: ' . $failure->getMessage();
    }
}

/**
 * A change the client asks for on the certificate page: made only for the page's own form, a POST
 * with WHMCS's CSRF token; a forged or linked request gets the reason and reaches no API.
 */
function rvssl_client_change(array $params, callable $call)
{
    return FormGuard::refusal() ?? rvssl_with_order($params, $call);
}

function rvssl_with_order(array $params, callable $call)
{
    $link = ServiceOrders::find((int) $params['serviceid']);
    if ($link === null) {
        return 'RVssl: this service has no certificate order yet; run Create first.';
    }
    return rvssl_run(static fn (Platform $platform) => $call($platform, $link));
}
