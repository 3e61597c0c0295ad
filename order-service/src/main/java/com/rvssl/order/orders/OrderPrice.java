package com.rvssl.order.orders;

import com.rvssl.contracts.Money;

/**
 * The prices fixed when the order was placed: what the reseller pays us and what they
 * charge.
 */
public record OrderPrice(Money wholesale, Money retail) {
}
