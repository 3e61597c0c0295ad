<?php

namespace Rvssl\Whmcs;

/**
 * The client's product page: WHMCS renders templates/clientarea.tpl of the server module with
 * these variables. The status is the order's client view, read afresh (and recorded, so the
 * service's custom fields follow); when the API cannot be reached the last recorded status is
 * shown with the error, never an empty page. A 12- or 24-month order is a plan: the platform
 * reissues the certificate by itself before it expires (certificates live at most 199 days), so
 * the page shows the plan's end beside the current certificate's expiry, every certificate
 * issued so far, and while a renewal is under way that nothing needs buying or validating.
 */
final class ClientArea
{
    private const DOWNLOADS = ['pem' => 'PEM with chain', 'pkcs7' => 'PKCS#7 (.p7b)', 'bundle' => 'CA bundle for Apache/nginx'];

    /** @return array{templatefile: string, vars: array<string, mixed>} */
    public static function page(array $params): array
    {
        $serviceId = (int) $params['serviceid'];
        // every form of the page posts WHMCS's CSRF token; the actions refuse a request without it
        $vars = ['serviceId' => $serviceId, 'error' => null, 'order' => null, 'csrfToken' => FormGuard::token(),
            'planEnd' => null, 'certificateExpiry' => null, 'certificates' => [], 'renewing' => false, 'reissuing' => false];
        $link = ServiceOrders::find($serviceId);
        if ($link === null) {
            $vars['status'] = 'Pending';
            $vars['detail'] = 'Your certificate order has not been placed yet.';
            return ['templatefile' => 'templates/clientarea', 'vars' => $vars];
        }
        try {
            $platform = Platform::connect();
            $order = $platform->find($link->order_id);
            ServiceOrders::record($order, $serviceId);
            // the order's own values replace the placeholders above ('order' => null among them)
            $vars = array_merge($vars, self::fromOrder($order, $serviceId));
            if ($vars['needsConfiguration'] || $vars['canChangeDcv']) {
                $vars['approverEmails'] = $platform->approverEmails((string) ($order['domains'][0] ?? ''));
            }
        } catch (ApiProblem $problem) {
            $vars['error'] = $problem->getMessage();
            $vars['status'] = $link->client_status;
            $vars['detail'] = $link->client_detail;
            $vars['state'] = $link->state;
            $vars['planEnd'] = ServiceOrders::day($link->plan_end);
            $vars['certificateExpiry'] = ServiceOrders::day($link->certificate_not_after);
            $vars['renewing'] = (bool) $link->renewal_in_progress;
        }
        return ['templatefile' => 'templates/clientarea', 'vars' => $vars];
    }

    private static function fromOrder(array $order, int $serviceId): array
    {
        $state = (string) ($order['state'] ?? '');
        $vars = [
            'order' => $order,
            'orderId' => $order['id'],
            'state' => $state,
            'status' => (string) ($order['views']['client']['status'] ?? ''),
            'detail' => (string) ($order['views']['client']['detail'] ?? ''),
            'domains' => $order['domains'] ?? [],
            'needsConfiguration' => $state === 'AWAITING_CONFIGURATION',
            'approverEmails' => [],
            'validation' => self::validation($order['validation'] ?? null),
            'certificate' => $order['certificate'] ?? null,
            'certificateExpiry' => ServiceOrders::day($order['certificate']['notAfter'] ?? null),
            'planEnd' => ServiceOrders::day($order['planEnd'] ?? null),
            'certificates' => self::certificates($order),
            'renewing' => ServiceOrders::renewing($order),
            // a reissue the client asked for (with a new CSR), not the plan's renewal
            'reissuing' => is_array($order['reissue'] ?? null) && !ServiceOrders::renewing($order),
            'downloads' => [],
            // one reissue at a time: while one is under way the current certificate stays valid
            'canReissue' => $state === 'ISSUED' && !is_array($order['reissue'] ?? null),
            'canResendDcv' => in_array($state, ['SUBMITTED', 'PENDING_VALIDATION'], true),
            'canChangeDcv' => self::checksDomains($order, $state),
        ];
        if (is_array($order['reissue'] ?? null) && $vars['validation'] !== null) {
            // a reissue starts with no validation shown: steps shown now are the CA checking the domain
            // again (its earlier check is older than the reuse period), and the customer may have to act
            $vars['validation']['again'] = true;
        }
        // two weeks before expiry with no new certificate: the detail says why and what to do
        $vars['renewalAtRisk'] = is_array($order['renewalAtRisk'] ?? null);
        // the platform serves the order's newest certificate: the links name no serial, so they follow each reissue
        if ($state === 'ISSUED') {
            foreach (self::DOWNLOADS as $format => $label) {
                $vars['downloads'][] = ['format' => $format, 'label' => $label,
                    'url' => 'clientarea.php?action=productdetails&id=' . $serviceId . '&modop=custom&a=download&format=' . $format];
            }
        }
        return $vars;
    }

    /**
     * The certificates issued so far within the plan, oldest first as the API lists them, each
     * with its validity as days; the current one (the one the downloads serve) is marked.
     *
     * @return list<array{serialNumber: string, notBefore: ?string, notAfter: ?string, current: bool}>
     */
    private static function certificates(array $order): array
    {
        $current = (string) ($order['certificate']['serialNumber'] ?? '');
        $certificates = [];
        foreach ($order['certificates'] ?? [] as $certificate) {
            if (is_array($certificate)) {
                $serial = (string) ($certificate['serialNumber'] ?? '');
                $certificates[] = [
                    'serialNumber' => $serial,
                    'notBefore' => ServiceOrders::day($certificate['notBefore'] ?? null),
                    'notAfter' => ServiceOrders::day($certificate['notAfter'] ?? null),
                    'current' => $serial !== '' && $serial === $current,
                ];
            }
        }
        return $certificates;
    }

    /**
     * Whether the CA is still checking the domains, so the method may change: at the CA and not
     * final, and for OV/EV only until the organisation checks begin (the platform says 409 otherwise).
     */
    private static function checksDomains(array $order, string $state): bool
    {
        if (!in_array($state, ['SUBMITTED', 'PENDING_VALIDATION'], true)) {
            return false;
        }
        $validation = is_array($order['validation'] ?? null) ? $order['validation'] : [];
        $stage = $validation['stage'] ?? null;
        return ($validation['level'] ?? 'DV') === 'DV' || $stage === null || $stage === 'DCV_PENDING';
    }

    /**
     * The order's validation progress ({stage, dcv: [{method, domain, target, value}], detail}), if
     * the platform sends it; older platforms send only the level ("DV"), which is no progress to show.
     */
    private static function validation(mixed $validation): ?array
    {
        if (!is_array($validation)) {
            return null;
        }
        $dcv = [];
        foreach ($validation['dcv'] ?? [] as $instruction) {
            if (is_array($instruction)) {
                $dcv[] = [
                    'method' => (string) ($instruction['method'] ?? ''),
                    'domain' => (string) ($instruction['domain'] ?? ''),
                    'target' => (string) ($instruction['target'] ?? ''),
                    'value' => (string) ($instruction['value'] ?? ''),
                ];
            }
        }
        if (($validation['stage'] ?? null) === null && $dcv === [] && (string) ($validation['detail'] ?? '') === '') {
            return null; // nothing the customer could act on yet: no empty box on the page
        }
        return [
            'stage' => (string) ($validation['stage'] ?? ''),
            'stageText' => ucfirst(strtolower(str_replace('_', ' ', (string) ($validation['stage'] ?? '')))),
            'detail' => (string) ($validation['detail'] ?? ''),
            'dcv' => $dcv,
            'again' => false, // set while a reissue is validated again
        ];
    }
}
