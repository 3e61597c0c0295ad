package com.rvssl.sandbox.api.payments;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A payment asked for: the amount, the caller's reference (sent back in every callback),
 * a description shown on the payment page, and optionally when it stops taking payment.
 */
record PaymentRequest(@NotNull @Valid Amount amount, @NotBlank @Size(max = 200) String reference,
		@Size(max = 500) String description, Instant expiresAt) {

	record Amount(@NotNull @Positive Long amount, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
	}

}
