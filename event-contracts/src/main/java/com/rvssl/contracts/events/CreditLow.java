package com.rvssl.contracts.events;

import com.rvssl.contracts.Money;

/**
 * The reseller's balance fell below the threshold it set: time to top up before orders
 * wait.
 */
public record CreditLow(Money balance, Money threshold) implements AccountEvent {
}
