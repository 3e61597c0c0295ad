package com.rvssl.contracts.events;

import com.rvssl.contracts.Money;

/** The reseller paid in credit; orders waiting for payment are released from it. */
public record CreditToppedUp(Money amount, Money balanceAfter, String reference) implements AccountEvent {
}
