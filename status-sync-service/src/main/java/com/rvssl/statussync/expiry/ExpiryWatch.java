package com.rvssl.statussync.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.rvssl.contracts.events.RenewalDue;
import com.rvssl.kit.work.RepeatingWork;
import com.rvssl.statussync.scheduling.SyncProperties;
import com.rvssl.statussync.tracking.IssuedCertificates;
import com.rvssl.statussync.tracking.PlacedOrders;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Every {@code rvssl.sync.expiry-sweep-interval}: counts the issued certificates expiring
 * within 30, 7 and 1 days into the gauge {@code rvssl.sync.expiring{within}} and
 * publishes a {@code RenewalDue} (through the order's outbox) for each reminder a plan's
 * last certificate is owed (see {@link RenewalReminders}). Each reminder is recorded in
 * the tracked document by the same update that queues its event, so replicas and repeated
 * sweeps send it once.
 */
@Component
class ExpiryWatch extends RepeatingWork {

	private static final Logger log = LoggerFactory.getLogger(ExpiryWatch.class);

	private static final int[] THRESHOLDS_DAYS = { 30, 7, 1 };

	/** Per reminder day and sweep; the rest wait for the next sweep. */
	private static final int REMINDERS_PER_SWEEP = 1_000;

	private final IssuedCertificates certificates;

	private final PlacedOrders placedOrders;

	private final SyncProperties properties;

	private final Map<Integer, AtomicLong> expiring = new ConcurrentHashMap<>();

	private final Clock clock;

	ExpiryWatch(IssuedCertificates certificates, PlacedOrders placedOrders, SyncProperties properties,
			MeterRegistry registry, Clock clock) {
		super("expiry sweep", Duration.ofSeconds(5), properties.expirySweepInterval());
		this.certificates = certificates;
		this.placedOrders = placedOrders;
		this.clock = clock;
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
		Instant now = clock.instant();
		return Flux.fromArray(new Integer[] { 30, 7, 1 })
			.concatMap(days -> certificates.countExpiring(now, now.plus(Duration.ofDays(days)))
				.doOnNext(count -> expiring.get(days).set(count)))
			.then(remindOnce(now));
	}

	/** Nearest reminder first, so a certificate owed several gets only the nearest. */
	Mono<Void> remindOnce(Instant now) {
		return Flux.fromIterable(RenewalReminders.DAYS_BEFORE_EXPIRY)
			.concatMap(days -> certificates.dueForReminder(now, days, REMINDERS_PER_SWEEP)
				.concatMap(order -> placedOrders.commonNameOf(order.id())
					.map(java.util.Optional::of)
					.defaultIfEmpty(java.util.Optional.empty())
					.flatMap(commonName -> certificates.remind(order, days, RenewalReminders.coveredBy(days),
							new RenewalDue(days, order.notAfter(), commonName.orElse(null))))
					.doOnNext(recorded -> {
						if (recorded) {
							log.info("order {}: certificate expires {}, {}-day renewal reminder queued", order.id(),
									order.notAfter(), days);
						}
					})))
			.then();
	}

}
