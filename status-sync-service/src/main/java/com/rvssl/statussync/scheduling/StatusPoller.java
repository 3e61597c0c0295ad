package com.rvssl.statussync.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.rvssl.kit.work.RepeatingWork;
import com.rvssl.statussync.gateway.CaBudgetExhausted;
import com.rvssl.statussync.gateway.CaOrderStatus;
import com.rvssl.statussync.gateway.CaStatus;
import com.rvssl.statussync.gateway.GatewayClient;
import com.rvssl.statussync.tracking.CheckOutcome;
import com.rvssl.statussync.tracking.DueChecks;
import com.rvssl.statussync.tracking.Observation;
import com.rvssl.statussync.tracking.PushedOrders;
import com.rvssl.statussync.tracking.RecordedCheck;
import com.rvssl.statussync.tracking.TrackedOrder;
import com.rvssl.statussync.tracking.TrackedOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * The check loop: it claims due outstanding orders in a few round trips under this
 * instance's lease owner (see {@link DueChecks#claimBatch}: replicas share the work and
 * never check one order at once; a dead replica's claims simply run out and become due
 * again), asks the gateway, and writes the outcome, its events and the next check time in
 * one update. Claims never wait for the checks already running: each claim takes as many
 * orders as there are free places among {@code concurrency} checks in flight, and a
 * finished check (while claims still find orders) or a CA's push ({@link #runSoon()})
 * makes the next claim come at once, so one slow gateway call never holds back the orders
 * due behind it. The poll interval is the net for orders that become due by the clock. A
 * claim that fails is logged and the next one starts afresh.
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

	/** Checks claimed and not finished yet, by this instance. */
	private final AtomicInteger inFlight = new AtomicInteger();

	/** Fires when the poller stops: the checks running in the background give up. */
	private volatile Sinks.Empty<Void> stopped = Sinks.empty();

	/**
	 * The last claim took an order: more may be due right now. Not "took as many as it
	 * asked for": another replica may have taken the rest of what it found, and more may
	 * be due behind those; the first claim that finds nothing ends the chain until the
	 * next tick or push.
	 */
	private volatile boolean moreDue;

	/** When the outstanding and backlog gauges were last refreshed. */
	private volatile Instant gaugesAt = Instant.MIN;

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
	public void start() {
		stopped = Sinks.empty();
		super.start();
	}

	@Override
	public void stop() {
		super.stop();
		// a check given up keeps its lease until it runs out; the order is due again then
		stopped.tryEmitEmpty();
	}

	/**
	 * One claim: as many due orders as there are free places for checks, each checked in
	 * the background. The gauges are refreshed at most once per poll interval, however
	 * often checks finish.
	 */
	@Override
	protected Mono<Void> round() {
		Instant now = clock.instant();
		int free = Math.min(properties.concurrency() - inFlight.get(), properties.batchSize());
		Mono<Void> claim = (free <= 0) ? Mono.empty()
				: claim(now, free)
					.doOnNext(claimed -> inFlight(check(claimed, now)).takeUntilOther(stopped.asMono()).subscribe())
					.count()
					.doOnNext(claimed -> moreDue = claimed > 0)
					.then();
		return claim.then(Mono.defer(() -> gaugesDue(now) ? refreshGauges() : Mono.empty()));
	}

	/**
	 * One claim of up to a batch and all its checks, finished: for tests that run a whole
	 * poll at a time of their choosing.
	 */
	public Mono<Void> pollOnce() {
		Instant now = clock.instant();
		return claim(now, properties.batchSize())
			.flatMap(claimed -> inFlight(check(claimed, now)), properties.concurrency())
			.then(Mono.defer(this::refreshGauges));
	}

	private Flux<TrackedOrder> claim(Instant now, int limit) {
		return dueChecks.claimBatch(now, now.plus(properties.lease()), properties.leaseOwner(), limit);
	}

	/**
	 * A check counted among those in flight; when it ends and the last claim took an
	 * order, the next claim comes at once. Its errors are its own: logged, never the
	 * loop's.
	 */
	private Mono<Void> inFlight(Mono<Void> check) {
		return Mono.defer(() -> {
			inFlight.incrementAndGet();
			return check.onErrorResume(ex -> {
				log.warn("status check failed, the order is due again when its lease runs out: {}", ex.toString());
				return Mono.empty();
			}).doFinally(signal -> {
				inFlight.decrementAndGet();
				if (moreDue) {
					runSoon();
				}
			});
		});
	}

	private boolean gaugesDue(Instant now) {
		if (now.isBefore(gaugesAt.plus(properties.pollInterval()))) {
			return false;
		}
		gaugesAt = now;
		return true;
	}

	/** How late the oldest due check is, and how many orders are outstanding. */
	private Mono<Void> refreshGauges() {
		Instant at = clock.instant();
		return dueChecks.oldestDue(at)
			.map(due -> Duration.between(due, at))
			.defaultIfEmpty(Duration.ZERO)
			.doOnNext(metrics::backlog)
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
		return ask(claimed).flatMap(observation -> record(claimed, leaseId, claimedAt, observation))
			// the result's write tells whether a push came meanwhile: usually none did,
			// and the recheck's round trip is saved
			.map(RecordedCheck::mayHaveMissedAPush)
			.onErrorResume(GatewayFailure.class,
					failure -> ((failure.getCause() instanceof CaBudgetExhausted overBudget)
							? recordOverBudget(claimed, leaseId, overBudget)
							: recordFailure(claimed, leaseId, failure.getCause()))
						.thenReturn(true))
			.filter(mayHaveMissedAPush -> mayHaveMissedAPush)
			.flatMap(recheck -> pushedOrders.recheckIfPushedSince(claimed.id(), claimedAt, clock.instant()))
			.doOnNext(dueAgain -> {
				if (dueAgain) {
					runSoon();
				}
			})
			.then();
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

	private Mono<RecordedCheck> record(TrackedOrder claimed, String leaseId, Instant claimedAt,
			Observation observation) {
		Instant now = clock.instant();
		return orders
			.record(claimed, leaseId, claimedAt, observation,
					schedule.afterAnswer(claimed.ca(), claimed.validation(), claimed.paceFrom(), now), now)
			.doOnNext(recorded -> {
				if (!recorded.written()) {
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
			});
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
