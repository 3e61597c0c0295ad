<?php

namespace Rvssl\Whmcs;

/** The API's money ({amount in minor units, currency}) as WHMCS shows and stores it. */
final class Money
{
    public static function text(mixed $money): string
    {
        if (!is_array($money) || !isset($money['amount'])) {
            return '-';
        }
        return self::decimal($money) . ' ' . ($money['currency'] ?? '');
    }

    public static function decimal(mixed $money): string
    {
        return is_array($money) && isset($money['amount']) ? number_format(((int) $money['amount']) / 100, 2, '.', '') : '';
    }
}
