/**
 * Billing's own projection of each order's provider-view status ("Waiting for Payment",
 * "Complete", ...), built from the order events it consumes, for the reseller's account
 * page.
 */
package com.rvssl.billing.orderstatus;
