package com.rvssl.gateway.adapters;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the kinds of calls share a CA's budget (see {@link CaBudget}).
 *
 * @param readReserve share of the CA's {@code limit-for-period} that status reads leave
 * free in each period for the other calls (rounded up to whole permits)
 * @param downloadWait longest a download waits for a permit: under status-sync's time-out
 * for a gateway call, with room for the call itself
 */
@ConfigurationProperties("rvssl.gateway.budget")
public record CaBudgetProperties(@DefaultValue("0.2") double readReserve, @DefaultValue("PT5S") Duration downloadWait) {

	public CaBudgetProperties {
		if (readReserve < 0 || readReserve >= 1) {
			throw new IllegalArgumentException("rvssl.gateway.budget.read-reserve must be in [0, 1): " + readReserve);
		}
		if (downloadWait.isNegative()) {
			throw new IllegalArgumentException("rvssl.gateway.budget.download-wait must not be negative");
		}
	}

}
