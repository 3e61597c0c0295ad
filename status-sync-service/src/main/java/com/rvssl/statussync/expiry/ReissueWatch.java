package com.rvssl.statussync.expiry;

import java.time.Clock;
import java.time.Instant;

import com.rvssl.contracts.events.CertificateRenewalDue;
import com.rvssl.kit.work.RepeatingWork;
import com.rvssl.statussync.scheduling.SyncProperties;
import com.rvssl.statussync.tracking.PlanRenewals;
import com.rvssl.statussync.tracking.TrackedOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Every {@code rvssl.sync.expiry-sweep-interval}: publishes a
 * {@code CertificateRenewalDue} (through the order's outbox) for each issued certificate
 * that passed its reissue point while its plan goes on, so order-service reissues within
 * the plan before the customer is uncovered. The announcement is recorded in the tracked
 * document by the same update that queues its event, so replicas and repeated sweeps send
 * it once per certificate serial. A certificate found past its plan's end (the sweep was
 * late) is retired instead.
 */
@Component
class ReissueWatch extends RepeatingWork {

	private static final Logger log = LoggerFactory.getLogger(ReissueWatch.class);

	/** Per sweep; the rest wait for the next sweep. */
	private static final int ANNOUNCEMENTS_PER_SWEEP = 1_000;

	private final PlanRenewals renewals;

	private final Clock clock;

	ReissueWatch(PlanRenewals renewals, SyncProperties properties, Clock clock) {
		super("reissue-point sweep", java.time.Duration.ofSeconds(5), properties.expirySweepInterval());
		this.renewals = renewals;
		this.clock = clock;
	}

	@Override
	protected Mono<Void> round() {
		return sweepOnce(clock.instant());
	}

	Mono<Void> sweepOnce(Instant now) {
		return renewals.pastReissuePoint(now, ANNOUNCEMENTS_PER_SWEEP).concatMap(order -> announce(order, now)).then();
	}

	private Mono<Boolean> announce(TrackedOrder order, Instant now) {
		if (order.planEnd() != null && !order.planEnd().isAfter(now)) {
			return renewals.retire(order).doOnNext(retired -> {
				if (retired) {
					log.info(
							"order {}: plan ended {} before certificate {} reached its reissue point: nothing to renew",
							order.id(), order.planEnd(), order.issuedSerial());
				}
			});
		}
		CertificateRenewalDue due = new CertificateRenewalDue(order.issuedSerial(), order.notAfter(), order.planEnd());
		return renewals.announce(order, due).doOnNext(queued -> {
			if (queued) {
				log.info("order {}: certificate {} (valid until {}) passed its reissue point, plan runs until {}:"
						+ " renewal due", order.id(), order.issuedSerial(), order.notAfter(), order.planEnd());
			}
		});
	}

}
