/**
 * What the gateway needs from a Certificate Authority, one
 * {@link com.rvssl.gateway.adapters.CaAdapter} per CA API family (speaking through any of
 * the CA's accounts, {@link com.rvssl.gateway.adapters.CaAccount}), and the resilience
 * every call to a CA goes through ({@link com.rvssl.gateway.adapters.CaCalls}: circuit
 * breaker, time limiter, the account's budget, metrics). Failures are either
 * {@link com.rvssl.gateway.adapters.CaUnavailable} (worth trying again) or
 * {@link com.rvssl.gateway.adapters.CaRefusal} (the CA said no; trying again changes
 * nothing).
 */
package com.rvssl.gateway.adapters;
