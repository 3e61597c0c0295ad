/**
 * The billing service: reseller accounts, their credit and ledger, and the orders that
 * wait for payment. See the module README for the money design (one atomic update per
 * change, no multi-document transactions).
 */
package com.rvssl.billing;
