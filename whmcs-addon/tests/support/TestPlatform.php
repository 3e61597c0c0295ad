<?php

namespace Rvssl\Whmcs\Tests;

/**
 * The running platform the tests drive (the local stack): its URLs and keys from the environment
 * the end-to-end test (WhmcsAddonIT) passes, plus what a test needs beyond WHMCS's own calls:
 * operator set-up (new resellers, their credit), the sandbox's view, CSRs and waiting.
 */
final class TestPlatform
{
    public static function env(string $name): string
    {
        $value = getenv($name);
        if ($value === false || $value === '') {
            throw new \RuntimeException($name . ' is not set: run through WhmcsAddonIT, or export the local stack\'s URLs and keys');
        }
        return rtrim($value, '/');
    }

    public static function orderUrl(): string
    {
        return self::env('RVSSL_ORDER_URL');
    }

    public static function billingUrl(): string
    {
        return self::env('RVSSL_BILLING_URL');
    }

    public static function notificationUrl(): string
    {
        return self::env('RVSSL_NOTIFICATION_URL');
    }

    public static function sandboxUrl(): string
    {
        return self::env('RVSSL_SANDBOX_URL');
    }

    /** A new reseller (the operator API), usable once every service knows its key; with credit if asked. */
    public static function newReseller(string $name, int $creditMinor = 0): array
    {
        [$status, $created] = self::call('POST', self::billingUrl() . '/api/v1/admin/resellers', self::env('RVSSL_OPERATOR_KEY'),
            ['name' => $name . ' ' . bin2hex(random_bytes(4)), 'currency' => 'USD']);
        if ($status !== 201) {
            throw new \RuntimeException('creating a reseller: ' . $status . ' ' . json_encode($created));
        }
        $key = $created['apiKey'];
        self::await(fn () => self::call('GET', self::orderUrl() . '/api/v1/orders', $key)[0] === 200, 60, 'order-service knows the new reseller');
        self::await(fn () => self::call('GET', self::notificationUrl() . '/api/v1/deliveries', $key)[0] === 200, 60,
            'notification-service knows the new reseller');
        if ($creditMinor > 0) {
            self::credit($created['resellerId'], $key, $creditMinor);
        }
        return ['id' => $created['resellerId'], 'key' => $key];
    }

    /**
     * Test credit, as the operator records a received bank transfer (API.md); a platform without that
     * call yet takes the reseller's own top-up, which its sandbox payment provider confirms. Either
     * way the credit counts once the balance shows it.
     */
    private static function credit(string $resellerId, string $key, int $amountMinor): void
    {
        $body = ['amount' => ['amount' => $amountMinor, 'currency' => 'USD'], 'reference' => 'test credit'];
        $idempotency = ['Idempotency-Key: credit-' . $resellerId];
        [$status] = self::call('POST', self::billingUrl() . '/api/v1/admin/resellers/' . rawurlencode($resellerId) . '/top-ups',
            self::env('RVSSL_OPERATOR_KEY'), $body, $idempotency);
        if ($status !== 201 && $status !== 200) {
            [$status] = self::call('POST', self::billingUrl() . '/api/v1/account/top-ups', $key, $body, $idempotency);
            if ($status !== 201) {
                throw new \RuntimeException('topping up: ' . $status);
            }
        }
        self::await(fn () => (self::call('GET', self::billingUrl() . '/api/v1/account', $key)[1]['balance']['amount'] ?? 0) >= $amountMinor,
            60, 'the test credit in the balance');
    }

    /** @return array{0: int, 1: mixed} status and decoded JSON */
    public static function call(string $method, string $url, string $key, ?array $body = null, array $headers = []): array
    {
        $curl = curl_init($url);
        $headers[] = 'Authorization: Bearer ' . $key;
        if ($body !== null) {
            $headers[] = 'Content-Type: application/json';
            curl_setopt($curl, CURLOPT_POSTFIELDS, json_encode($body));
        }
        curl_setopt_array($curl, [CURLOPT_CUSTOMREQUEST => $method, CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => $headers, CURLOPT_TIMEOUT => 20]);
        $reply = curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        curl_close($curl);
        return [$status, is_string($reply) ? json_decode($reply, true) : null];
    }

    /** The reseller's orders for a domain, as the API lists them. */
    public static function ordersFor(string $key, string $domain): array
    {
        [, $page] = self::call('GET', self::orderUrl() . '/api/v1/orders?domain=' . rawurlencode($domain), $key);
        return $page['content'] ?? [];
    }

    public static function order(string $key, string $orderId): array
    {
        return self::call('GET', self::orderUrl() . '/api/v1/orders/' . rawurlencode($orderId), $key)[1] ?? [];
    }

    /** Polls until the condition holds (returning its truthy value), failing the test after the timeout. */
    public static function await(callable $condition, int $seconds, string $what): mixed
    {
        $deadline = microtime(true) + $seconds;
        do {
            try {
                $value = $condition();
                if ($value) {
                    return $value;
                }
            } catch (\Throwable $ignored) {
                // not there yet
            }
            usleep(250_000);
        } while (microtime(true) < $deadline);
        throw new \PHPUnit\Framework\AssertionFailedError('waited ' . $seconds . ' s for: ' . $what);
    }

    public static function uniqueDomain(string $prefix): string
    {
        return $prefix . '-' . bin2hex(random_bytes(5)) . '.example.com';
    }

    /** A real RSA 2048 key and CSR, as a hosting customer would make with openssl. */
    public static function csr(string $domain): string
    {
        $key = openssl_pkey_new(['private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA]);
        $config = tempnam(sys_get_temp_dir(), 'csr');
        file_put_contents($config, "[req]\ndistinguished_name=dn\nreq_extensions=ext\n[dn]\n[ext]\nsubjectAltName=DNS:" . $domain . "\n");
        $csr = openssl_csr_new(['commonName' => $domain, 'organizationName' => 'End Customer', 'countryName' => 'GB'], $key,
            ['config' => $config, 'digest_alg' => 'sha256', 'req_extensions' => 'ext']);
        unlink($config);
        openssl_csr_export($csr, $pem);
        return $pem;
    }
}
