/**
 * The sandbox payment provider's HTTP side: the API billing asks for payments with
 * ({@code /sandbox/payments}, bearer key), the payment page a reseller pays on
 * ({@code /sandbox/checkout/{id}}, with "Pay" and "Fail") and the test switch
 * {@code PUT /sandbox/payments/auto-confirm}.
 */
package com.rvssl.sandbox.api.payments;
