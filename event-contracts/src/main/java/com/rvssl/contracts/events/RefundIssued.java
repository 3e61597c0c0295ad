package com.rvssl.contracts.events;

import com.rvssl.contracts.Money;

/** The order's charge went back to the reseller's credit (at most once per order). */
public record RefundIssued(Money amount, Money balanceAfter) implements OrderEvent {
}
