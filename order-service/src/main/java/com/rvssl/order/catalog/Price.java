package com.rvssl.order.catalog;

import com.rvssl.contracts.Money;

/**
 * What one term of a product costs the reseller ({@code wholesale}) and what we suggest
 * they charge.
 */
public record Price(int termMonths, Money wholesale, Money recommendedRetail) {
}
