<?php

namespace Rvssl\Whmcs;

use WHMCS\Database\Capsule;

/**
 * The platform's webhooks, as API.md signs them: {@code X-Rvssl-Signature: sha256=<hex HMAC-SHA256
 * of "<timestamp>.<body>">}. A request is applied only if the signature is right, the signed
 * timestamp is recent (an old request replayed is refused even with its valid signature) and its
 * {@code X-Rvssl-Delivery} id has not been applied before (the platform retries, so a delivery
 * may come twice). Applying means reading the order afresh from the API and recording it for its
 * service, so events arriving out of order still leave the newest state.
 */
final class WebhookReceiver
{
    public const TOLERANCE_SECONDS = 300;

    private const REMEMBER_SECONDS = 30 * 86400;

    public function __construct(private readonly string $secret, private readonly \Closure $platform)
    {
    }

    /**
     * @param array<string, string> $headers lower-case names
     * @return array{0: int, 1: array<string, mixed>} HTTP status and JSON reply
     */
    public function receive(array $headers, string $body, int $now): array
    {
        $delivery = trim($headers['x-rvssl-delivery'] ?? '');
        $timestamp = trim($headers['x-rvssl-timestamp'] ?? '');
        $signature = trim($headers['x-rvssl-signature'] ?? '');
        if ($delivery === '' || !ctype_digit($timestamp) || $signature === '') {
            return [400, ['error' => 'X-Rvssl-Delivery, X-Rvssl-Timestamp and X-Rvssl-Signature are required']];
        }
        $expected = 'sha256=' . hash_hmac('sha256', $timestamp . '.' . $body, $this->secret);
        if (!hash_equals($expected, strtolower($signature))) {
            return [401, ['error' => 'signature does not match']];
        }
        if (abs($now - (int) $timestamp) > self::TOLERANCE_SECONDS) {
            return [401, ['error' => 'timestamp outside the tolerance of ' . self::TOLERANCE_SECONDS . ' s: refused as a replay']];
        }
        $event = json_decode($body, true);
        if (!is_array($event)) {
            return [400, ['error' => 'body is not JSON']];
        }
        $orderId = is_string($event['orderId'] ?? null) ? $event['orderId'] : null;
        Schema::ensure();
        if (Capsule::table(Schema::DELIVERIES)->where('delivery_id', $delivery)->exists()) {
            return [200, ['result' => 'duplicate', 'delivery' => $delivery]];
        }
        if ($orderId !== null && !$this->apply($orderId, self::newCertificateSerial($event))) {
            // the platform's services hear an event independently: the API may not show it yet
            return [503, ['error' => 'the order does not show certificate ' . self::newCertificateSerial($event)
                . ' yet: retry later', 'delivery' => $delivery]];
        }
        $inserted = Capsule::table(Schema::DELIVERIES)->insertOrIgnore([
            'delivery_id' => $delivery,
            'order_id' => $orderId,
            'event' => is_string($event['event'] ?? null) ? $event['event'] : null,
            'received_at' => gmdate('Y-m-d\TH:i:s\Z', $now),
        ]);
        if ($inserted === 0) {
            return [200, ['result' => 'duplicate', 'delivery' => $delivery]];
        }
        // the platform retries a delivery for hours (an operator may replay it later): a month of ids is plenty
        Capsule::table(Schema::DELIVERIES)->where('received_at', '<', gmdate('Y-m-d\TH:i:s\Z', $now - self::REMEMBER_SECONDS))
            ->delete();
        localAPI('LogActivity', ['description' => 'RVssl webhook ' . ($event['event'] ?? '?') . ' for order '
            . ($orderId ?? '-') . ' (delivery ' . $delivery . ')']);
        return [200, ['result' => 'applied', 'delivery' => $delivery]];
    }

    /**
     * Any failure but a 404 propagates (a 5xx reply, the delivery unmarked), so the platform retries it.
     * False, with nothing recorded, when the webhook announced a certificate the order read back does
     * not hold yet: recording that older state would leave WHMCS behind until the next webhook.
     */
    private function apply(string $orderId, ?string $serial): bool
    {
        try {
            $order = ($this->platform)()->find($orderId);
        } catch (ApiProblem $problem) {
            if ($problem->status === 404) {
                return true; // not this reseller's order (any more): nothing in WHMCS to update
            }
            throw $problem;
        }
        if ($serial !== null && !self::holds($order, $serial)) {
            return false;
        }
        $known = ServiceOrders::findByOrder($orderId);
        $serviceId = $known !== null ? (int) $known->service_id : (int) ($order['whmcsServiceId'] ?? 0);
        if ($serviceId > 0 && Capsule::table('tblhosting')->where('id', $serviceId)->exists()) {
            ServiceOrders::record($order, $serviceId);
        }
        return true;
    }

    /** The serial of the certificate a CertificateIssued webhook brings, if it is one. */
    private static function newCertificateSerial(array $event): ?string
    {
        $serial = $event['payload']['serialNumber'] ?? null;
        return ($event['event'] ?? null) === 'CertificateIssued' && is_string($serial) && $serial !== '' ? $serial : null;
    }

    /** Whether the order shows the certificate: its current one, or one of the plan's issued so far. */
    private static function holds(array $order, string $serial): bool
    {
        $serials = [(string) ($order['certificate']['serialNumber'] ?? '')];
        foreach ($order['certificates'] ?? [] as $certificate) {
            $serials[] = (string) ($certificate['serialNumber'] ?? '');
        }
        foreach ($serials as $held) {
            if (strcasecmp($held, $serial) === 0) {
                return true;
            }
        }
        return false;
    }
}
