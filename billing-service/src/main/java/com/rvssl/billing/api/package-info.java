/**
 * The HTTP API: the reseller's account (balance, top-ups, ledger, waiting orders) and the
 * operator's reseller admin.
 */
package com.rvssl.billing.api;
