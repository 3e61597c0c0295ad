/**
 * Charging, refunding and topping up: each a decision on one account
 * ({@link com.rvssl.billing.charging.AccountChange}, pure) written by one
 * compare-and-set, then completed into the ledger and the order's payment record
 * ({@link com.rvssl.billing.charging.PendingWork}).
 */
package com.rvssl.billing.charging;
