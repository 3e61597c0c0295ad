package com.rvssl.contracts.events;

/**
 * An event of a reseller's account with no order: published on the accounts topic, keyed
 * by reseller id.
 */
public sealed interface AccountEvent extends Event permits ResellerRegistered, CreditToppedUp, CreditLow {

}
