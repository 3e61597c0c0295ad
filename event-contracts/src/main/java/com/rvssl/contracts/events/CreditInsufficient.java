package com.rvssl.contracts.events;

import com.rvssl.contracts.Money;

/**
 * The reseller's credit did not cover the order: it waits for a top-up ("Waiting for
 * Payment").
 */
public record CreditInsufficient(Money required, Money balance) implements OrderEvent {
}
