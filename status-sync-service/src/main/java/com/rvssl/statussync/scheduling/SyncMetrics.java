package com.rvssl.statussync.scheduling;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.rvssl.statussync.tracking.CheckOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What operators watch: how many orders are outstanding, how late the oldest due check is
 * (a growing backlog means the pollers cannot keep up: add replicas or raise the
 * concurrency), how checks turn out (a rising {@code gateway_error} rate means the
 * gateway or a CA is down), and how long issuance takes.
 */
@Component
public class SyncMetrics {

	private final MeterRegistry registry;

	private final AtomicLong outstanding = new AtomicLong();

	private final Timer timeToIssue;

	private final AtomicLong backlogMillis = new AtomicLong();

	public SyncMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("rvssl.sync.outstanding", outstanding, AtomicLong::get)
			.description("orders waiting for their CA")
			.register(registry);
		Gauge.builder("rvssl.sync.backlog", backlogMillis, millis -> millis.get() / 1000.0)
			.description("how late the most overdue status check is, in seconds (0: nothing is overdue)")
			.baseUnit("seconds")
			.register(registry);
		this.timeToIssue = Timer.builder("rvssl.sync.time.to.issue")
			.description("from the submission to the CA until the certificate was seen issued")
			.register(registry);
	}

	void outstanding(long count) {
		outstanding.set(count);
	}

	void backlog(Duration late) {
		backlogMillis.set(Math.max(late.toMillis(), 0));
	}

	void checked(CheckOutcome outcome) {
		Counter.builder("rvssl.sync.checks")
			.description("status checks by outcome")
			.tag("outcome", outcome.tag())
			.register(registry)
			.increment();
	}

	void issuedAfter(Duration sinceSubmission) {
		if (!sinceSubmission.isNegative()) {
			timeToIssue.record(sinceSubmission);
		}
	}

}
