package com.rvssl.kit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay runs. Entries go out when the write that made them wakes the relay
 * ({@link OutboxWakeUp}); the sweep is the safety net for entries whose wake-up was lost
 * (a crash between the write and the wake-up, a failed send, a claim that ran out).
 *
 * @param sweepInterval how often it looks for documents with events still to publish,
 * through the index of pending documents; the first sweep runs a second after the start
 * @param batchSize how many documents one sweep publishes at most
 * @param claim how long a replica holds a document's outbox while publishing it; longer
 * than a send's time-out, so that a claim never runs out while its relay is still sending
 * @param sendTimeout how long one send waits for the broker's acknowledgement
 * @param concurrency how many documents the relay publishes side by side (each in order)
 */
@ConfigurationProperties("rvssl.outbox")
public record OutboxProperties(@DefaultValue("30s") Duration sweepInterval, @DefaultValue("100") int batchSize,
		@DefaultValue("45s") Duration claim, @DefaultValue("30s") Duration sendTimeout,
		@DefaultValue("8") int concurrency) {
}
