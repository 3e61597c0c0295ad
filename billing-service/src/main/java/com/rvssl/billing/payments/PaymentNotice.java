package com.rvssl.billing.payments;

import com.rvssl.contracts.Money;

/**
 * What a verified callback says: the provider's payment, the top-up it was made for (the
 * reference billing gave it), its amount, and whether it succeeded.
 */
public record PaymentNotice(String paymentId, String topUpId, Money amount, boolean succeeded) {
}
