<?php

namespace Rvssl\Whmcs;

use WHMCS\Database\Capsule;

/** The module's own tables, created on activation (and on first use, should activation be skipped). */
final class Schema
{
    public const ORDERS = 'mod_rvssl_orders';

    public const DELIVERIES = 'mod_rvssl_deliveries';

    public const SETTINGS = 'mod_rvssl_settings';

    public const TOP_UPS = 'mod_rvssl_top_ups';

    public static function ensure(): void
    {
        $schema = Capsule::schema();
        if (!$schema->hasTable(self::ORDERS)) {
            // one row per WHMCS service: its current platform order and the views last seen of it
            $schema->create(self::ORDERS, static function ($table) {
                $table->integer('service_id')->primary();
                $table->string('order_id', 64)->unique();
                $table->string('state', 32);
                $table->string('client_status', 100);
                $table->text('client_detail')->nullable();
                $table->string('admin_status', 100);
                $table->text('admin_detail')->nullable();
                $table->string('ca_order_id', 100)->nullable();
                $table->text('previous_order_ids')->nullable();
                $table->string('updated_at', 40);
                foreach (self::planColumns() as $add) {
                    $add($table);
                }
            });
        }
        // a table from before plans lacks these: added (nullable, so its rows stay as they were) on first use
        foreach (self::planColumns() as $column => $add) {
            if (!$schema->hasColumn(self::ORDERS, $column)) {
                $schema->table(self::ORDERS, $add);
            }
        }
        if (!$schema->hasTable(self::DELIVERIES)) {
            // webhook deliveries already applied: the primary key makes a duplicate's insert a no-op
            $schema->create(self::DELIVERIES, static function ($table) {
                $table->string('delivery_id', 100)->primary();
                $table->string('order_id', 64)->nullable();
                $table->string('event', 64)->nullable();
                $table->string('received_at', 40);
            });
        }
        if (!$schema->hasTable(self::TOP_UPS)) {
            // payments started from the admin page (the API has no list of them): each shown with
            // the status the platform last reported, asked again while it is pending
            $schema->create(self::TOP_UPS, static function ($table) {
                $table->string('top_up_id', 64)->primary();
                $table->integer('amount');
                $table->string('currency', 3);
                $table->string('status', 32);
                $table->text('payment_url')->nullable();
                $table->string('created_at', 40);
            });
        }
        if (!$schema->hasTable(self::SETTINGS)) {
            $schema->create(self::SETTINGS, static function ($table) {
                $table->string('setting', 64)->primary();
                $table->text('value');
            });
        }
    }

    /**
     * The orders' columns for a plan (a 12- or 24-month order the platform reissues by itself, each
     * certificate living at most 199 days): the current certificate's serial and expiry, the plan's
     * end (ISO-8601 instants as the API sends them) and whether the platform's renewal is under way.
     *
     * @return array<string, \Closure> column => adds it to a table blueprint
     */
    private static function planColumns(): array
    {
        return [
            'certificate_serial' => static fn ($table) => $table->string('certificate_serial', 100)->nullable(),
            'certificate_not_after' => static fn ($table) => $table->string('certificate_not_after', 40)->nullable(),
            'plan_end' => static fn ($table) => $table->string('plan_end', 40)->nullable(),
            'renewal_in_progress' => static fn ($table) => $table->integer('renewal_in_progress')->nullable(),
        ];
    }

    /** Deactivation forgets the delivery log and the secret; the service-to-order links and the top-ups stay. */
    public static function dropTransient(): void
    {
        Capsule::schema()->dropIfExists(self::DELIVERIES);
        Capsule::schema()->dropIfExists(self::SETTINGS);
    }
}
