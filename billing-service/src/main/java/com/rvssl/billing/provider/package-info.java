/**
 * The payment provider's HTTP API, as {@link com.rvssl.billing.payments.PaymentProvider}
 * needs it: kept out of the payments domain, which knows nothing of HTTP.
 */
package com.rvssl.billing.provider;
