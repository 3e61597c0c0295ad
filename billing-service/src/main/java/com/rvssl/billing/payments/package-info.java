/**
 * Top-ups as payments: a reseller's top-up is a payment asked of the payment provider
 * ({@link com.rvssl.billing.payments.TopUpPayments}), credited only when the provider's
 * signed callback confirms it ({@link com.rvssl.billing.payments.PaymentConfirmations});
 * an operator records a received bank transfer, credited at once
 * ({@link com.rvssl.billing.payments.BankTransfers}). Either way the credit goes through
 * the account's one crediting path ({@link com.rvssl.billing.charging.TopUps}), which
 * releases waiting orders oldest first.
 */
package com.rvssl.billing.payments;
