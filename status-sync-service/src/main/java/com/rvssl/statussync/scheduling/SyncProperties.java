package com.rvssl.statussync.scheduling;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often and how hard status sync checks.
 *
 * @param pollInterval how often due orders are looked for at the latest (a finished check
 * or a CA's push looks at once)
 * @param batchSize how many due orders one claim takes at most
 * @param concurrency how many checks run at once (a claim takes no more than the free
 * places)
 * @param lease how long a claimed order stays hidden from other pollers; longer than a
 * gateway call
 * @param minInterval per CA (lower-case name) the least time between two checks of one
 * order; Sectigo's defaults to the three hours the vendor asks for, whatever else is
 * configured
 * @param defaultMinInterval for a CA without its own entry
 * @param errorBackoff the wait after the first gateway failure, doubled per further
 * failure
 * @param maxErrorBackoff the longest wait after gateway failures
 * @param pace how checks of a waiting order thin out (see {@link Pace})
 * @param leaseOwner who this instance is in the leases it takes (default: a random id per
 * start)
 * @param expirySweepInterval how often expiring certificates are counted and renewal
 * reminders queued
 * @param silenceWindow per CA (lower-case name), then validation level ({@code dv},
 * {@code ov}, {@code ev}): for a CA whose pushes are registered, how long it may stay
 * silent about an order before status sync asks anyway (the net for a lost push); none
 * set: the pace alone decides
 */
@ConfigurationProperties("rvssl.sync")
public record SyncProperties(@DefaultValue("PT1S") Duration pollInterval, @DefaultValue("100") int batchSize,
		@DefaultValue("8") int concurrency, @DefaultValue("PT30S") Duration lease, Map<String, Duration> minInterval,
		@DefaultValue("PT1M") Duration defaultMinInterval, @DefaultValue("PT2S") Duration errorBackoff,
		@DefaultValue("PT5M") Duration maxErrorBackoff, @DefaultValue Pace pace, String leaseOwner,
		@DefaultValue("PT1H") Duration expirySweepInterval, Map<String, Map<String, Duration>> silenceWindow) {

	/**
	 * The vendors' own rules: Sectigo asks for no more than one status call per order
	 * every three hours.
	 */
	static final Map<String, Duration> VENDOR_MINIMUMS = Map.of("sectigo", Duration.ofHours(3));

	public SyncProperties {
		Map<String, Duration> intervals = new HashMap<>(VENDOR_MINIMUMS);
		if (minInterval != null) {
			intervals.putAll(minInterval);
		}
		minInterval = Map.copyOf(intervals);
		silenceWindow = (silenceWindow != null) ? Map.copyOf(silenceWindow) : Map.of();
		if (leaseOwner == null || leaseOwner.isBlank()) {
			leaseOwner = "status-sync-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		}
	}

}
