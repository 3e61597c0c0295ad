package com.rvssl.statussync.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.rvssl.statussync.system.RepeatingWork;
import com.rvssl.statussync.scheduling.SyncProperties;
import com.rvssl.statussync.tracking.TrackedOrders;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A few times a day, counts the issued certificates expiring within 30, 7 and 1 days into the
 * gauge {@code rvssl.sync.expiring{within}}. It emits no events yet: renewal reminders (a
 * contract change: an event per threshold crossed) are the next step.
 */
@Component
class ExpiryWatch extends RepeatingWork {

	private static final int[] THRESHOLDS_DAYS = { 30, 7, 1 };

	private final TrackedOrders orders;

	private final SyncProperties properties;

	private final Map<Integer, AtomicLong> expiring = new ConcurrentHashMap<>();

	ExpiryWatch(TrackedOrders orders, SyncProperties properties, MeterRegistry registry) {
		super("expiry sweep", Duration.ofSeconds(5), properties.expirySweepInterval());
		this.orders = orders;
		this.properties = properties;
		for (int days : THRESHOLDS_DAYS) {
			AtomicLong count = new AtomicLong();
			expiring.put(days, count);
			Gauge.builder("rvssl.sync.expiring", count, AtomicLong::get)
				.description("issued certificates expiring within the given days")
				.tag("within", days + "d")
				.register(registry);
		}
	}

	@Override
	protected Mono<Void> round() {
		return sweepOnce();
	}

	Mono<Void> sweepOnce() {
		Instant now = Instant.now();
		return Flux.fromArray(new Integer[] { 30, 7, 1 })
			.concatMap(days -> orders.countExpiring(now, now.plus(Duration.ofDays(days)))
				.doOnNext(count -> expiring.get(days).set(count)))
			.then();
	}

}
