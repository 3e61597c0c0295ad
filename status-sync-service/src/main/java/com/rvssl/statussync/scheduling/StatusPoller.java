package com.rvssl.statussync.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.rvssl.kit.work.RepeatingWork;
import com.rvssl.statussync.gateway.CaBudgetExhausted;
import com.rvssl.statussync.gateway.CaOrderStatus;
import com.rvssl.statussync.gateway.CaStatus;
import com.rvssl.statussync.gateway.GatewayClient;
import com.rvssl.statussync.tracking.CheckOutcome;
import com.rvssl.statussync.tracking.DueChecks;
import com.rvssl.statussync.tracking.Observation;
import com.rvssl.statussync.tracking.PushedOrders;
import com.rvssl.statussync.tracking.TrackedOrder;
import com.rvssl.statussync.tracking.TrackedOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The check loop: every poll interval it claims a batch of due outstanding orders in a
 * few round trips under this instance's lease owner (see {@link DueChecks#claimBatch}:
 * replicas share the work and never check one order at once; a dead replica's claims
 * simply run out and become due again), asks the gateway, and writes the outcome, its
 * events and the next check time in one update. A tick that fails is logged and the next
 * one starts afresh; a tick still running when the next is due makes that one be skipped,
 * not queued.
 */
@Component
public class StatusPoller extends RepeatingWork {

	private static final Logger log = LoggerFactory.getLogger(StatusPoller.class);

	private final TrackedOrders orders;

	private final DueChecks dueChecks;

	private final PushedOrders pushedOrders;

	private final GatewayClient gateway;

	private final SyncProperties properties;

	private final CheckSchedule schedule;

	private final SyncMetrics metrics;

	private final Clock clock;

	public StatusPoller(TrackedOrders orders, DueChecks dueChecks, PushedOrders pushedOrders, GatewayClient gateway,
			SyncProperties properties, SyncMetrics metrics, Clock clock) {
		super("status poll", properties.pollInterval(), properties.pollInterval());
		this.orders = orders;
		this.dueChecks = dueChecks;
		this.pushedOrders = pushedOrders;
		this.gateway = gateway;
		this.properties = properties;
		this.schedule = CheckSchedule.of(properties);
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	protected Mono<Void> round() {
		return pollOnce();
	}

	/**
	 * One poll: note how late the oldest due check is, then claim and check a batch
	 * (bounded batch and concurrency), then refresh the outstanding gauge. Public for
	 * tests that run a whole round at a time of their choosing.
	 */
	public Mono<Void> pollOnce() {
		Instant now = clock.instant();
		return dueChecks.oldestDue(now)
			.map(due -> Duration.between(due, now))
			.defaultIfEmpty(Duration.ZERO)
			.doOnNext(metrics::backlog)
			.thenMany(dueChecks.claimBatch(now, now.plus(properties.lease()), properties.leaseOwner(),
					properties.batchSize()))
			.flatMap(claimed -> check(claimed, now), properties.concurrency())
			.then(orders.countOutstanding().doOnNext(metrics::outstanding))
			.then();
	}

	/**
	 * One check of an order claimed by the poll that started at {@code claimedAt}. A CA
	 * push that arrived while it ran (the push leaves a claimed order alone) makes the
	 * order due again at once afterwards, since this check may have asked just before the
	 * change.
	 */
	private Mono<Void> check(TrackedOrder claimed, Instant claimedAt) {
		String leaseId = claimed.leaseId();
		return ask(claimed).flatMap(observation -> record(claimed, leaseId, observation))
			.onErrorResume(GatewayFailure.class,
					failure -> (failure.getCause() instanceof CaBudgetExhausted overBudget)
							? recordOverBudget(claimed, leaseId, overBudget)
							: recordFailure(claimed, leaseId, failure.getCause()))
			.then(Mono.defer(() -> pushedOrders.recheckIfPushedSince(claimed.id(), claimedAt, clock.instant())));
	}

	/**
	 * The CA's status via the gateway, and the certificate when it is issued. When a push
	 * said the certificate was issued, the certificate is asked for first: one CA call
	 * instead of a status read and a download; if the CA has none to give, the status is
	 * read as usual.
	 */
	private Mono<Observation> ask(TrackedOrder order) {
		if (order.pushSaysIssued()) {
			CaStatus issued = new CaStatus(order.id(), order.ca().name(), order.caOrderId(), CaOrderStatus.ISSUED,
					"issued", null);
			return gateway.certificate(order.id())
				.map(certificate -> order.observe(issued, certificate))
				// no certificate to give: read the status; no permit: try again later
				.onErrorResume(notIssued -> !(notIssued instanceof CaBudgetExhausted), notIssued -> askStatus(order))
				.onErrorMap(ex -> !(ex instanceof GatewayFailure), GatewayFailure::new);
		}
		return askStatus(order);
	}

	private Mono<Observation> askStatus(TrackedOrder order) {
		return gateway.status(order.id())
			.flatMap(status -> (status.status() == CaOrderStatus.ISSUED)
					? gateway.certificate(order.id()).map(certificate -> order.observe(status, certificate))
					: Mono.just(order.observe(normalised(status), null)))
			.onErrorMap(ex -> !(ex instanceof GatewayFailure), GatewayFailure::new);
	}

	private static CaStatus normalised(CaStatus status) {
		if (status.status() == null) {
			throw new IllegalStateException("the gateway answered without a status");
		}
		return status;
	}

	private Mono<Void> record(TrackedOrder claimed, String leaseId, Observation observation) {
		Instant now = clock.instant();
		return orders
			.record(claimed, leaseId, observation,
					schedule.afterAnswer(claimed.ca(), claimed.validation(), claimed.paceFrom(), now), now)
			.doOnNext(written -> {
				if (!written) {
					// stopped meanwhile or the lease expired and another check took over:
					// its result wins
					log.info("check of order {} found {} but the order moved on meanwhile", claimed.id(),
							observation.outcome());
					return;
				}
				metrics.checked(observation.outcome());
				if (observation.outcome() == CheckOutcome.ISSUED && claimed.submittedAt() != null) {
					metrics.issuedAfter(Duration.between(claimed.submittedAt(), now));
				}
			})
			.then();
	}

	/**
	 * Refused for lack of CA budget: due again after the gateway's Retry-After, spread
	 * over as long again so that the refused reads do not all come back in the same
	 * instant.
	 */
	private Mono<Void> recordOverBudget(TrackedOrder claimed, String leaseId, CaBudgetExhausted overBudget) {
		Duration wait = overBudget.retryAfter();
		Instant next = clock.instant()
			.plus(wait)
			.plusMillis(java.util.concurrent.ThreadLocalRandom.current().nextLong(wait.toMillis() + 1));
		metrics.checked(CheckOutcome.OVER_BUDGET);
		return orders.recordOverBudget(claimed.id(), leaseId, next).then();
	}

	private Mono<Void> recordFailure(TrackedOrder claimed, String leaseId, Throwable cause) {
		int failures = claimed.consecutiveFailures() + 1;
		Instant next = schedule.afterGatewayError(claimed.ca(), failures, clock.instant());
		log.warn("gateway could not tell the status of order {} (failure {} in a row), next check at {}: {}",
				claimed.id(), failures, next, cause.toString());
		metrics.checked(CheckOutcome.GATEWAY_ERROR);
		return orders.recordGatewayError(claimed.id(), leaseId, cause.toString(), next).then();
	}

	/** Marks an error as the gateway's (retry later) as opposed to our own database's. */
	private static final class GatewayFailure extends RuntimeException {

		GatewayFailure(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

}
