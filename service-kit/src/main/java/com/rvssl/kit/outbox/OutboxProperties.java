package com.rvssl.kit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay runs.
 *
 * @param pollInterval how often it looks for documents with events still to publish
 * @param batchSize how many documents one round publishes at most
 * @param claim how long a replica holds a document's outbox while publishing it; longer
 * than a send's time-out, so that a claim never runs out while its relay is still sending
 * @param sendTimeout how long one send waits for the broker's acknowledgement
 * @param concurrency how many documents one round publishes side by side (each in order)
 */
@ConfigurationProperties("rvssl.outbox")
public record OutboxProperties(@DefaultValue("200ms") Duration pollInterval, @DefaultValue("100") int batchSize,
		@DefaultValue("45s") Duration claim, @DefaultValue("30s") Duration sendTimeout,
		@DefaultValue("8") int concurrency) {
}
