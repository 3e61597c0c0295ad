/**
 * The reseller's account page: sign-in with the API key into a server-side session
 * (started only by a successful sign-in), one server-rendered page (balance, waiting
 * orders, top-up, ledger, order statuses live, low-credit line) and its security (session
 * cookie, CSRF, sign-in attempts per client address), kept apart from the stateless API.
 */
package com.rvssl.billing.page;
