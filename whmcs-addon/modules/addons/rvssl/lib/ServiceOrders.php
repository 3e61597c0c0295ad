<?php

namespace Rvssl\Whmcs;

use WHMCS\Database\Capsule;

/**
 * What WHMCS knows of each service's certificate order: the link service -> platform order, the
 * client and admin status lines last seen (kept so pages and the admin list need no API call),
 * the order id and status in the product's custom fields (where email templates and the
 * invoice can show them), and the service's own status once the order is cancelled. For a plan
 * (the platform reissues the certificate by itself until the plan's end) also the current
 * certificate's serial and expiry, the plan's end and whether a renewal is under way, so the
 * admin tab and the Certificate Expiry field follow each reissue the webhook reports.
 */
final class ServiceOrders
{
    public const FIELD_ORDER_ID = 'RVssl Order ID';

    public const FIELD_STATUS = 'Certificate Status';

    public const FIELD_EXPIRY = 'Certificate Expiry';

    public static function find(int $serviceId): ?object
    {
        Schema::ensure();
        return Capsule::table(Schema::ORDERS)->where('service_id', $serviceId)->first();
    }

    public static function findByOrder(string $orderId): ?object
    {
        Schema::ensure();
        return Capsule::table(Schema::ORDERS)->where('order_id', $orderId)->first();
    }

    /** Records the order's current state for its service (the order's whmcsServiceId, or the one given). */
    public static function record(array $order, ?int $serviceId = null): void
    {
        Schema::ensure();
        $serviceId ??= (int) ($order['whmcsServiceId'] ?? 0);
        if ($serviceId <= 0 || !isset($order['id'])) {
            return;
        }
        $existing = self::find($serviceId);
        $previous = $existing?->previous_order_ids ? json_decode($existing->previous_order_ids, true) : [];
        if ($existing !== null && $existing->order_id !== $order['id']) {
            if (in_array($order['id'], $previous, true)) {
                return; // news of an order the service has since moved on from
            }
            $previous[] = $existing->order_id;
        }
        $row = [
            'order_id' => (string) $order['id'],
            'state' => (string) ($order['state'] ?? ''),
            'client_status' => (string) ($order['views']['client']['status'] ?? ''),
            'client_detail' => (string) ($order['views']['client']['detail'] ?? ''),
            'admin_status' => (string) ($order['views']['admin']['status'] ?? ''),
            'admin_detail' => (string) ($order['views']['admin']['detail'] ?? ''),
            'ca_order_id' => isset($order['caOrderId']) ? (string) $order['caOrderId'] : null,
            'previous_order_ids' => json_encode(array_values($previous)),
            // the order's current certificate: a reissue replaces it in place (same order, same row)
            'certificate_serial' => self::text($order['certificate']['serialNumber'] ?? null),
            'certificate_not_after' => self::text($order['certificate']['notAfter'] ?? null),
            'plan_end' => self::text($order['planEnd'] ?? null),
            'renewal_in_progress' => self::renewing($order) ? 1 : 0,
            'updated_at' => gmdate('Y-m-d\TH:i:s\Z'),
        ];
        Capsule::table(Schema::ORDERS)->updateOrInsert(['service_id' => $serviceId], $row);
        self::setCustomField($serviceId, self::FIELD_ORDER_ID, $row['order_id']);
        self::setCustomField($serviceId, self::FIELD_STATUS, $row['client_status']);
        self::setCustomField($serviceId, self::FIELD_EXPIRY, self::day($row['certificate_not_after']) ?? '');
        if (($order['state'] ?? '') === 'CANCELLED' && ($existing === null || $existing->state !== 'CANCELLED')) {
            localAPI('UpdateClientProduct', ['serviceid' => $serviceId, 'status' => 'Cancelled']);
        }
    }

    /**
     * Whether the platform's own renewal within the plan is under way (a reissue it started, not
     * one the client asked for with a new CSR): the certificate stays valid and nothing is to be bought.
     */
    public static function renewing(array $order): bool
    {
        return is_array($order['reissue'] ?? null) && ($order['reissue']['automatic'] ?? false) === true;
    }

    /** The calendar day (UTC, Y-m-d) of an ISO-8601 instant from the API; null if none or unreadable. */
    public static function day(mixed $instant): ?string
    {
        $time = !is_string($instant) || $instant === '' ? false : strtotime($instant);
        return $time === false ? null : gmdate('Y-m-d', $time);
    }

    private static function text(mixed $value): ?string
    {
        return is_scalar($value) && (string) $value !== '' ? (string) $value : null;
    }

    /** Writes a product custom field of the service, if the product defines one by that name. */
    private static function setCustomField(int $serviceId, string $name, string $value): void
    {
        $packageId = Capsule::table('tblhosting')->where('id', $serviceId)->value('packageid');
        if ($packageId === null) {
            return;
        }
        $fieldId = Capsule::table('tblcustomfields')->where('type', 'product')->where('relid', $packageId)
            ->where('fieldname', $name)->value('id');
        if ($fieldId === null) {
            return;
        }
        Capsule::table('tblcustomfieldsvalues')->updateOrInsert(['fieldid' => $fieldId, 'relid' => $serviceId],
            ['value' => $value]);
    }
}
