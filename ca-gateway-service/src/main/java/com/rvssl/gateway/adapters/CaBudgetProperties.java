package com.rvssl.gateway.adapters;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How status reads and downloads share a CA's budget with submissions and changes (see
 * {@link CaBudget}).
 *
 * @param readReserve share of the CA's {@code limit-for-period} that reads leave free in
 * each period for submissions and changes (rounded up to whole permits)
 */
@ConfigurationProperties("rvssl.gateway.budget")
public record CaBudgetProperties(@DefaultValue("0.2") double readReserve) {

	public CaBudgetProperties {
		if (readReserve < 0 || readReserve >= 1) {
			throw new IllegalArgumentException("rvssl.gateway.budget.read-reserve must be in [0, 1): " + readReserve);
		}
	}

}
