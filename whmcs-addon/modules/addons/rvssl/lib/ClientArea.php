<?php

namespace Rvssl\Whmcs;

/**
 * The client's product page: WHMCS renders templates/clientarea.tpl of the server module with
 * these variables. The status is the order's client view, read afresh (and recorded, so the
 * service's custom fields follow); when the API cannot be reached the last recorded status is
 * shown with the error, never an empty page.
 */
final class ClientArea
{
    private const DOWNLOADS = ['pem' => 'PEM with chain', 'pkcs7' => 'PKCS#7 (.p7b)', 'bundle' => 'CA bundle for Apache/nginx'];

    /** @return array{templatefile: string, vars: array<string, mixed>} */
    public static function page(array $params): array
    {
        $serviceId = (int) $params['serviceid'];
        // every form of the page posts WHMCS's CSRF token; the actions refuse a request without it
        $vars = ['serviceId' => $serviceId, 'error' => null, 'order' => null, 'csrfToken' => FormGuard::token()];
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
            'downloads' => [],
            'canReissue' => $state === 'ISSUED',
            'canResendDcv' => in_array($state, ['SUBMITTED', 'PENDING_VALIDATION'], true),
            'canChangeDcv' => self::checksDomains($order, $state),
        ];
        if ($state === 'ISSUED') {
            foreach (self::DOWNLOADS as $format => $label) {
                $vars['downloads'][] = ['format' => $format, 'label' => $label,
                    'url' => 'clientarea.php?action=productdetails&id=' . $serviceId . '&modop=custom&a=download&format=' . $format];
            }
        }
        return $vars;
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
        ];
    }
}
