package com.rvssl.billing.charging;

import java.util.List;

import com.rvssl.contracts.Money;

/**
 * What a top-up did: the credit, the balance right after it, and the waiting orders it
 * released.
 */
public record TopUpReceipt(String id, Money amount, String reference, Money balanceAfter, List<String> released) {
}
