package com.rvssl.statussync.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.kit.work.RepeatingWork;
import com.rvssl.statussync.scheduling.SyncProperties;
import com.rvssl.statussync.tracking.IssuedCertificates;
import com.rvssl.statussync.tracking.PlanRenewals;
import com.rvssl.statussync.tracking.ResellerCount;
import com.rvssl.statussync.tracking.TrackedOrder;
import com.rvssl.statussync.tracking.TrackingState;
import com.rvssl.statussync.tracking.UnrenewedCount;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Every {@code rvssl.sync.expiry-sweep-interval}: what each reseller's plans need next,
 * as gauges for the reseller dashboard (renewals due within 30 days, reissues under way,
 * certificates expiring within 14 days with no successor yet: the alert's series), and a
 * {@code CertificateExpiringUnrenewed} (through the order's outbox) for each certificate
 * newly in that last group, so the order's views can say why and the customer is told.
 * Each warning is recorded by the update that queues it: once per certificate serial,
 * whatever the replicas and sweeps.
 */
@Component
class RenewalOutlook extends RepeatingWork {

	private static final Logger log = LoggerFactory.getLogger(RenewalOutlook.class);

	/** How far ahead {@code rvssl.sync.reissues.upcoming} looks. */
	static final Duration UPCOMING_WINDOW = Duration.ofDays(30);

	/** How far ahead {@code rvssl.sync.expiring.unrenewed} looks. */
	static final Duration UNRENEWED_WINDOW = Duration.ofDays(14);

	/** Per sweep; the rest wait for the next sweep. */
	private static final int WARNINGS_PER_SWEEP = 1_000;

	private final IssuedCertificates certificates;

	private final PlanRenewals renewals;

	private final Clock clock;

	private final MultiGauge upcoming;

	private final MultiGauge underway;

	private final MultiGauge unrenewed;

	RenewalOutlook(IssuedCertificates certificates, PlanRenewals renewals, SyncProperties properties,
			MeterRegistry registry, Clock clock) {
		super("renewal outlook", Duration.ofSeconds(5), properties.expirySweepInterval());
		this.certificates = certificates;
		this.renewals = renewals;
		this.clock = clock;
		this.upcoming = MultiGauge.builder("rvssl.sync.reissues.upcoming")
			.description("certificates whose reissue within the plan is due in the next 30 days, by reseller")
			.register(registry);
		this.underway = MultiGauge.builder("rvssl.sync.reissues.underway")
			.description("reissues within the plan the CA is working on, by reseller")
			.register(registry);
		this.unrenewed = MultiGauge.builder("rvssl.sync.expiring.unrenewed")
			.description("certificates expiring within 14 days whose plan goes on and no new certificate replaces yet,"
					+ " by reseller and whether the reissue waits for validation")
			.register(registry);
	}

	@Override
	protected Mono<Void> round() {
		return sweepOnce(clock.instant());
	}

	Mono<Void> sweepOnce(Instant now) {
		Instant unrenewedUntil = now.plus(UNRENEWED_WINDOW);
		return renewals.countUpcoming(now.plus(UPCOMING_WINDOW))
			.collectList()
			.doOnNext(counts -> upcoming.register(byReseller(counts), true))
			.then(renewals.countUnderway()
				.collectList()
				.doOnNext(counts -> underway.register(byReseller(counts), true)))
			.then(certificates.countExpiringUnrenewed(now, unrenewedUntil)
				.map(count -> MultiGauge.Row.of(
						Tags.of("resellerId", String.valueOf(count.resellerId()), "renewal", renewal(count)),
						count.count()))
				.collectList()
				.doOnNext(rows -> unrenewed.register(List.copyOf(rows), true)))
			.then(certificates.expiringUnrenewedNotWarned(now, unrenewedUntil, WARNINGS_PER_SWEEP)
				.concatMap(this::warn)
				.then());
	}

	private Mono<Boolean> warn(TrackedOrder order) {
		boolean reissueUnderway = order.state() == TrackingState.OUTSTANDING;
		CertificateExpiringUnrenewed warning = new CertificateExpiringUnrenewed(order.issuedSerial(), order.notAfter(),
				order.planEnd(), reissueUnderway);
		return certificates.warnUnrenewed(order, warning).doOnNext(queued -> {
			if (queued) {
				log.warn("order {}: certificate {} expires {} and no new certificate replaces it yet ({})", order.id(),
						order.issuedSerial(), order.notAfter(),
						reissueUnderway ? "the reissue waits for validation" : "no reissue under way");
			}
		});
	}

	/**
	 * The reissue waits for validation (the CA is being followed), or none is under way.
	 */
	private static String renewal(UnrenewedCount count) {
		return count.reissueUnderway() ? "awaiting_validation" : "not_started";
	}

	private static List<MultiGauge.Row<?>> byReseller(List<ResellerCount> counts) {
		return counts
			.stream().<MultiGauge
					.Row<?>>map(
							count -> MultiGauge.Row.of(Tags.of("resellerId", String.valueOf(count.resellerId())),
									count.count()))
			.toList();
	}

}
