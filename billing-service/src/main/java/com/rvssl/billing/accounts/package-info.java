/**
 * Reseller accounts: the one document per reseller that holds the balance, the waiting
 * queue, the money movements still being written to the ledger, and the events still to
 * publish (outbox).
 */
package com.rvssl.billing.accounts;
