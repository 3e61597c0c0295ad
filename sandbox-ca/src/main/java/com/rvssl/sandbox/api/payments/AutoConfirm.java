package com.rvssl.sandbox.api.payments;

import jakarta.validation.constraints.NotNull;

/**
 * Whether payments are confirmed the moment they are made
 * ({@code PUT/GET /sandbox/payments/auto-confirm}).
 */
record AutoConfirm(@NotNull Boolean enabled) {
}
