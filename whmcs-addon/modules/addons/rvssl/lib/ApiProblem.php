<?php

namespace Rvssl\Whmcs;

/**
 * An error the platform answered (RFC 9457 problem+json) or could not answer at all, worded for
 * a WHMCS screen: WHMCS shows a module's returned string as is, so it must read as a sentence.
 */
final class ApiProblem extends \RuntimeException
{
    /** @param list<array{field?: string, message?: string}> $errors */
    public function __construct(
        public readonly int $status,
        public readonly string $title,
        public readonly string $detail,
        public readonly array $errors = [],
    ) {
        parent::__construct(self::sentence($status, $title, $detail, $errors));
    }

    public static function fromResponse(int $status, string $body): self
    {
        $problem = json_decode($body, true);
        if (!is_array($problem)) {
            $text = trim(strip_tags($body));
            return new self($status, self::reason($status), $text !== '' ? mb_substr($text, 0, 300) : '');
        }
        $errors = array_values(array_filter($problem['errors'] ?? [], 'is_array'));
        return new self($status, (string) ($problem['title'] ?? self::reason($status)),
            (string) ($problem['detail'] ?? ''), $errors);
    }

    public static function unreachable(string $url, string $error): self
    {
        return new self(0, 'RVssl could not be reached', $url . ': ' . $error
            . '. Please try again in a few minutes; nothing was changed.');
    }

    private static function sentence(int $status, string $title, string $detail, array $errors): string
    {
        $text = 'RVssl: ' . ($title !== '' ? $title : self::reason($status));
        if ($detail !== '' && strcasecmp($detail, $title) !== 0) {
            $text .= ' - ' . $detail;
        }
        $fields = [];
        foreach ($errors as $error) {
            $fields[] = trim(($error['field'] ?? '') . ' ' . ($error['message'] ?? ''));
        }
        if ($fields !== []) {
            $text .= ' (' . implode('; ', $fields) . ')';
        }
        return $status > 0 ? $text . ' [HTTP ' . $status . ']' : $text;
    }

    private static function reason(int $status): string
    {
        return match (true) {
            $status === 401 => 'The RVssl API key was refused; check it in Addons > RVssl',
            $status === 404 => 'Not found',
            $status === 409 => 'Not possible in the current state',
            $status === 422 => 'The request was refused',
            $status === 429 => 'Too many requests; try again shortly',
            $status >= 500 => 'RVssl is temporarily unavailable',
            default => 'Request failed',
        };
    }
}
