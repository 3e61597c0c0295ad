package com.rvssl.sandbox.api.admin;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import com.rvssl.sandbox.faults.FaultMode;

/** The body of {@code POST /sandbox/faults}. */
record FaultRequest(@NotNull @Pattern(regexp = "digicert|sectigo") String api, @NotNull FaultMode mode,
		@NotNull @Positive Long durationSeconds, @PositiveOrZero Long latencyMillis,
		@DecimalMin("0.0") @DecimalMax("1.0") Double probability) {
}
