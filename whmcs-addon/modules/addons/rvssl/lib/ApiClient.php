<?php

namespace Rvssl\Whmcs;

/**
 * The platform's public HTTP API (order-, billing- and notification-service) over php-curl: JSON
 * in and out, the reseller's Bearer key, and every non-2xx turned into an {@see ApiProblem}.
 */
final class ApiClient
{
    public function __construct(
        private readonly string $apiKey,
        private readonly ModuleLog $log,
        private readonly int $timeoutSeconds = 20,
    ) {
    }

    /** @return array<mixed> the decoded JSON reply ([] for an empty one) */
    public function json(string $method, string $url, ?array $body = null, array $headers = []): array
    {
        $reply = $this->send($method, $url, $body, $headers);
        $decoded = $reply === '' ? [] : json_decode($reply, true);
        if (!is_array($decoded)) {
            throw new ApiProblem(200, 'RVssl answered something unexpected', mb_substr($reply, 0, 200));
        }
        return $decoded;
    }

    /** The raw reply body, for certificate downloads. */
    public function text(string $url): string
    {
        return $this->send('GET', $url, null, ['Accept: */*']);
    }

    private function send(string $method, string $url, ?array $body, array $headers): string
    {
        $curl = curl_init($url);
        $payload = $body === null ? null : json_encode($body, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
        $headers = array_merge(['Accept: application/json, application/problem+json'], $headers,
            ['Authorization: Bearer ' . $this->apiKey]);
        if ($payload !== null) {
            $headers[] = 'Content-Type: application/json';
        }
        curl_setopt_array($curl, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => $headers,
            CURLOPT_CONNECTTIMEOUT => 5,
            CURLOPT_TIMEOUT => $this->timeoutSeconds,
            CURLOPT_FOLLOWLOCATION => false,
        ]);
        if ($payload !== null) {
            curl_setopt($curl, CURLOPT_POSTFIELDS, $payload);
        }
        $reply = curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        $error = curl_error($curl);
        curl_close($curl);
        $action = $method . ' ' . (parse_url($url, PHP_URL_PATH) ?: $url);
        $this->log->call($action, ['url' => $url, 'headers' => $headers, 'body' => $body],
            $reply === false ? $error : $reply, $status);
        if ($reply === false) {
            throw ApiProblem::unreachable($url, $error);
        }
        if ($status < 200 || $status >= 300) {
            throw ApiProblem::fromResponse($status, (string) $reply);
        }
        return (string) $reply;
    }
}
