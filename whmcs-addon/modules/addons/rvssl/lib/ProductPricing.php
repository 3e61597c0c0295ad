<?php

namespace Rvssl\Whmcs;

use WHMCS\Database\Capsule;

/**
 * Copies the reseller's retail prices into WHMCS's own product pricing (tblpricing), for every
 * WHMCS product provisioned by the rvssl server module: the product's configured RVssl product
 * code picks the price list, each term fills its billing cycle (12 months: annually, ...).
 */
final class ProductPricing
{
    private const CYCLES = [1 => 'monthly', 3 => 'quarterly', 6 => 'semiannually', 12 => 'annually',
        24 => 'biennially', 36 => 'triennially'];

    /** @return int how many WHMCS products got prices */
    public static function copy(array $catalog): int
    {
        $byCode = [];
        foreach ($catalog as $product) {
            $byCode[$product['code']] = $product;
        }
        $copied = 0;
        foreach (Capsule::table('tblproducts')->where('servertype', 'rvssl')->get() as $whmcsProduct) {
            $product = $byCode[$whmcsProduct->configoption1] ?? null;
            if ($product === null) {
                continue;
            }
            $cycles = [];
            $currencyCode = null;
            foreach ($product['prices'] ?? [] as $price) {
                $cycle = self::CYCLES[(int) $price['termMonths']] ?? null;
                if ($cycle !== null) {
                    $cycles[$cycle] = Money::decimal($price['retail']);
                    $currencyCode = $price['retail']['currency'];
                }
            }
            $currency = Capsule::table('tblcurrencies')->where('code', $currencyCode)->value('id');
            if ($cycles === [] || $currency === null) {
                continue;
            }
            $key = ['type' => 'product', 'currency' => $currency, 'relid' => $whmcsProduct->id];
            if (Capsule::table('tblpricing')->where('type', 'product')->where('currency', $currency)
                ->where('relid', $whmcsProduct->id)->exists()) {
                Capsule::table('tblpricing')->where('type', 'product')->where('currency', $currency)
                    ->where('relid', $whmcsProduct->id)->update($cycles);
            } else {
                // a new pricing row offers only the cycles RVssl has terms for (WHMCS: -1.00 = cycle disabled)
                Capsule::table('tblpricing')->insert($key + $cycles + array_fill_keys(self::CYCLES, '-1.00'));
            }
            $copied++;
        }
        return $copied;
    }
}
