<?php

namespace Rvssl\Whmcs;

/**
 * Cross-site request forgery guard of the module's forms, with WHMCS's own CSRF token: a state
 * change is made only for a POST that carries the session's `token` (as the page's forms send
 * it), never for a link, an image or a form on another site. WHMCS's check_token() ends a
 * request with a wrong token itself; should it return or throw instead, the refusal below is
 * what the customer reads, and nothing has been sent to RVssl.
 */
final class FormGuard
{
    /** The session's token, for the hidden `token` field of every form the module draws. */
    public static function token(): string
    {
        return (string) generate_token('plain');
    }

    /** Why the request may not change anything, or null when it is the page's own form. */
    public static function refusal(string $namespace = 'WHMCS.default'): ?string
    {
        if (strtoupper((string) ($_SERVER['REQUEST_METHOD'] ?? '')) !== 'POST') {
            return 'RVssl: this action is made only with its button on the certificate page; nothing was changed.';
        }
        try {
            check_token($namespace);
        } catch (\Throwable) {
            return 'RVssl: the form did not carry this session\'s security token (it expired, or the request came from'
                . ' another site); nothing was changed. Reload the page and try again.';
        }
        return null;
    }
}
