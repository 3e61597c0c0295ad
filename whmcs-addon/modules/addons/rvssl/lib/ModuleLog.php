<?php

namespace Rvssl\Whmcs;

/**
 * Every API call goes to WHMCS's module log (Utilities > Logs > Module Log) with the API key,
 * the webhook secret and any Authorization header masked before WHMCS sees them; the secrets are
 * also passed as WHMCS's own replace list, so it masks them wherever else they might appear.
 */
final class ModuleLog
{
    private const MASK = '********';

    /** @param list<string> $secrets */
    public function __construct(private readonly array $secrets)
    {
    }

    public function call(string $action, mixed $request, mixed $response, mixed $processed = ''): void
    {
        if (!function_exists('logModuleCall')) {
            return;
        }
        $secrets = array_values(array_filter($this->secrets, static fn ($s) => is_string($s) && $s !== ''));
        logModuleCall('rvssl', $action, $this->mask($request, $secrets), $this->mask($response, $secrets),
            $this->mask($processed, $secrets), $secrets);
    }

    private function mask(mixed $value, array $secrets): mixed
    {
        if (is_array($value)) {
            $masked = [];
            foreach ($value as $key => $item) {
                $masked[$key] = (is_string($key) && preg_match('/authorization|api.?key|secret|password/i', $key))
                    ? self::MASK : $this->mask($item, $secrets);
            }
            return $masked;
        }
        if (is_string($value) && $secrets !== []) {
            return str_replace($secrets, self::MASK, $value);
        }
        return $value;
    }
}
