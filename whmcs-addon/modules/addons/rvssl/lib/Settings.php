<?php

namespace Rvssl\Whmcs;

use WHMCS\Database\Capsule;

/**
 * The addon's configuration (Addons > RVssl > Configure, kept by WHMCS in tbladdonmodules) and
 * the module's own settings (the webhook secret, in mod_rvssl_settings). The server module and
 * the callback read the same values, so a reseller enters the API key once.
 */
final class Settings
{
    private function __construct(
        public readonly string $apiUrl,
        public readonly string $apiKey,
        public readonly string $billingUrl,
        public readonly string $notificationUrl,
    ) {
    }

    public static function load(): self
    {
        $values = [];
        foreach (Capsule::table('tbladdonmodules')->where('module', 'rvssl')->get() as $row) {
            $values[$row->setting] = (string) $row->value;
        }
        $apiUrl = rtrim($values['apiUrl'] ?? '', '/');
        return new self($apiUrl, trim($values['apiKey'] ?? ''),
            rtrim(($values['billingUrl'] ?? '') !== '' ? $values['billingUrl'] : $apiUrl, '/'),
            rtrim(($values['notificationUrl'] ?? '') !== '' ? $values['notificationUrl'] : $apiUrl, '/'));
    }

    public function configured(): bool
    {
        return $this->apiUrl !== '' && $this->apiKey !== '';
    }

    public static function webhookSecret(): string
    {
        Schema::ensure();
        $secret = Capsule::table('mod_rvssl_settings')->where('setting', 'webhookSecret')->value('value');
        if (!is_string($secret) || $secret === '') {
            $secret = bin2hex(random_bytes(24));
            Capsule::table('mod_rvssl_settings')->insertOrIgnore(['setting' => 'webhookSecret', 'value' => $secret]);
            // another request may have won the insert: the stored one counts
            $secret = (string) Capsule::table('mod_rvssl_settings')->where('setting', 'webhookSecret')->value('value');
        }
        return $secret;
    }

    /** Where WHMCS serves the callback: System URL + the module's path. */
    public static function webhookUrl(): string
    {
        $systemUrl = (string) Capsule::table('tblconfiguration')->where('setting', 'SystemURL')->value('value');
        return rtrim($systemUrl, '/') . '/modules/addons/rvssl/callback.php';
    }
}
