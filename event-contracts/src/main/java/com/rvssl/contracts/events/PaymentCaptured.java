package com.rvssl.contracts.events;

import com.rvssl.contracts.Money;

/**
 * The wholesale price was taken from the reseller's credit; the order may go to the CA.
 */
public record PaymentCaptured(Money amount, Money balanceAfter) implements OrderEvent {
}
