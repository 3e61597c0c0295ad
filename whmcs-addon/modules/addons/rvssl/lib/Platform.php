<?php

namespace Rvssl\Whmcs;

/** The calls of the public API (API.md) that WHMCS makes, each a one-liner over {@see ApiClient}. */
final class Platform
{
    public function __construct(private readonly Settings $settings, private readonly ApiClient $api)
    {
    }

    public static function connect(?Settings $settings = null): self
    {
        $settings ??= Settings::load();
        if (!$settings->configured()) {
            throw new ApiProblem(0, 'RVssl is not configured',
                'enter the API URL and API key under Setup > Addon Modules > RVssl');
        }
        $secrets = [$settings->apiKey];
        try {
            $secrets[] = Settings::webhookSecret();
        } catch (\Throwable) {
            // no module tables yet: nothing else to mask
        }
        return new self($settings, new ApiClient($settings->apiKey, new ModuleLog($secrets)));
    }

    public function products(): array
    {
        return $this->api->json('GET', $this->orderUrl('/api/v1/products'));
    }

    public function overridePrice(string $code, int $termMonths, int $amount, string $currency): array
    {
        return $this->api->json('PUT', $this->orderUrl('/api/v1/products/' . rawurlencode($code) . '/prices/' . $termMonths),
            ['retail' => ['amount' => $amount, 'currency' => $currency]]);
    }

    public function resetPrice(string $code, int $termMonths): void
    {
        $this->api->json('DELETE', $this->orderUrl('/api/v1/products/' . rawurlencode($code) . '/prices/' . $termMonths));
    }

    public function resetAllPrices(): void
    {
        $this->api->json('DELETE', $this->orderUrl('/api/v1/prices'));
    }

    public function autoOrderMode(): string
    {
        return (string) ($this->api->json('GET', $this->orderUrl('/api/v1/settings/auto-order'))['mode'] ?? '');
    }

    public function setAutoOrderMode(string $mode): void
    {
        $this->api->json('PUT', $this->orderUrl('/api/v1/settings/auto-order'), ['mode' => $mode]);
    }

    public function placeOrder(array $order, string $idempotencyKey): array
    {
        return $this->api->json('POST', $this->orderUrl('/api/v1/orders'), $order, ['Idempotency-Key: ' . $idempotencyKey]);
    }

    public function configure(string $orderId, array $configuration): array
    {
        return $this->api->json('PUT', $this->orderPath($orderId, '/configuration'), $configuration);
    }

    public function approve(string $orderId): array
    {
        return $this->api->json('POST', $this->orderPath($orderId, '/approve'));
    }

    public function cancel(string $orderId, string $reason): array
    {
        return $this->api->json('POST', $this->orderPath($orderId, '/cancel'), ['reason' => $reason]);
    }

    public function reissue(string $orderId, string $csr): array
    {
        return $this->api->json('POST', $this->orderPath($orderId, '/reissue'), ['csr' => $csr]);
    }

    public function resendDcv(string $orderId): array
    {
        return $this->api->json('POST', $this->orderPath($orderId, '/dcv/resend'));
    }

    /** Another domain-control validation method for an order the CA validates: {method, approverEmail}. */
    public function changeDcv(string $orderId, array $dcv): array
    {
        return $this->api->json('PUT', $this->orderPath($orderId, '/dcv'), $dcv);
    }

    private function orderUrl(string $path): string
    {
        return $this->settings->apiUrl . $path;
    }

    public function find(string $orderId): array
    {
        return $this->api->json('GET', $this->orderPath($orderId, ''));
    }

    public function certificate(string $orderId, string $format): string
    {
        return $this->api->text($this->orderPath($orderId, '/certificate?format=' . rawurlencode($format)));
    }

    public function decodeCsr(string $csr): array
    {
        return $this->api->json('POST', $this->orderUrl('/api/v1/csr/decode'), ['csr' => $csr]);
    }

    /** @return list<string> */
    public function approverEmails(string $domain): array
    {
        $reply = $this->api->json('GET', $this->orderUrl('/api/v1/dcv/approver-emails?domain=' . rawurlencode($domain)));
        return array_values(array_map('strval', $reply['approverEmails'] ?? []));
    }

    public function account(): array
    {
        return $this->api->json('GET', $this->settings->billingUrl . '/api/v1/account');
    }

    /**
     * Starts a top-up: a payment to make at {paymentUrl}; the platform adds the credit only once the
     * payment provider confirms it. The key makes a form posted twice start one payment.
     *
     * @return array{id: string, status: string, amount: array, paymentUrl: string}
     */
    public function startTopUp(int $amount, string $currency, string $reference, string $idempotencyKey): array
    {
        return $this->api->json('POST', $this->settings->billingUrl . '/api/v1/account/top-ups',
            ['amount' => ['amount' => $amount, 'currency' => $currency], 'reference' => $reference],
            ['Idempotency-Key: ' . $idempotencyKey]);
    }

    /** A top-up's status: PENDING_PAYMENT, PAID, FAILED or EXPIRED. */
    public function topUp(string $id): array
    {
        return $this->api->json('GET', $this->settings->billingUrl . '/api/v1/account/top-ups/' . rawurlencode($id));
    }

    public function waitingOrders(): array
    {
        return $this->api->json('GET', $this->settings->billingUrl . '/api/v1/account/waiting-orders');
    }

    public function registerWebhook(string $url, string $secret): void
    {
        $this->api->json('PUT', $this->settings->notificationUrl . '/api/v1/webhook', ['url' => $url, 'secret' => $secret]);
    }

    public function removeWebhook(): void
    {
        $this->api->json('DELETE', $this->settings->notificationUrl . '/api/v1/webhook');
    }

    private function orderPath(string $orderId, string $suffix): string
    {
        return $this->orderUrl('/api/v1/orders/' . rawurlencode($orderId) . $suffix);
    }
}
