package com.rvssl.billing.api;

import com.rvssl.contracts.Money;
import com.rvssl.kit.validation.IsoCurrency;
import com.rvssl.kit.validation.MoneyAmounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A top-up asked for: a reseller's payment or the operator's record of a bank transfer.
 */
record TopUpRequest(@NotNull @Valid Amount amount, @Size(max = 200) String reference) {

	record Amount(@NotNull @Positive @Max(MoneyAmounts.MAX) Long amount, @NotNull @IsoCurrency String currency) {

		Money money() {
			return Money.of(amount, currency);
		}

	}

}
