package com.rvssl.statussync.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.DcvChangeRequested;
import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.statussync.scheduling.CheckSchedule;
import com.rvssl.statussync.scheduling.StatusPoller;
import com.rvssl.statussync.scheduling.SyncProperties;
import com.rvssl.statussync.tracking.PlacedOrders;
import com.rvssl.statussync.tracking.PushedOrders;
import com.rvssl.statussync.tracking.TrackedOrder;
import com.rvssl.statussync.tracking.TrackedOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Starts following an order when the gateway submitted it (at the pace of the validation
 * level its OrderPlaced announced), looks again soon after a DCV resend or change or a
 * reissue, and stops when it is cancelled. Each record is finished (bounded wait) before
 * the next, which keeps an order's events in order.
 */
@Component
class OrderEventsListener {

	private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

	private static final Duration PROCESSING_LIMIT = Duration.ofSeconds(30);

	private final TrackedOrders orders;

	private final PlacedOrders placedOrders;

	private final CheckSchedule schedule;

	private final Clock clock;

	private final PushedOrders pushes;

	private final StatusPoller poller;

	OrderEventsListener(TrackedOrders orders, PlacedOrders placedOrders, PushedOrders pushes, StatusPoller poller,
			SyncProperties properties, Clock clock) {
		this.orders = orders;
		this.pushes = pushes;
		this.poller = poller;
		this.placedOrders = placedOrders;
		this.clock = clock;
		this.schedule = CheckSchedule.of(properties);
	}

	@KafkaListener(topics = Topics.ORDERS)
	void on(EventEnvelope envelope) {
		Mono<?> handling;
		if (envelope.payload() instanceof OrderPlaced placed) {
			handling = placedOrders.rememberOrder(envelope.orderId(), placed.validation(),
					placed.domains().isEmpty() ? null : placed.domains().get(0), placed.termMonths());
		}
		else if (envelope.payload() instanceof CertificateSubmitted submitted) {
			handling = placedOrders.termsOf(envelope.orderId())
				.flatMap(placed -> orders.track(envelope, submitted, placed.validation(), placed.termMonths(),
						schedule.firstCheck(submitted.ca(), placed.validation(), clock.instant())))
				.doOnNext(tracked -> log.info(
						tracked ? "tracking order {} at {} as {}"
								: "order {} at {} ({}) already known, submission ignored",
						envelope.orderId(), submitted.ca(), submitted.caOrderId()))
				// a CA that issued at once may have pushed before this submission arrived
				.flatMap(tracked -> tracked
						? pushes.trackingStarted(submitted.ca(), submitted.caOrderId(), clock.instant())
						: Mono.just(false))
				// the early push made the order due now: claim it now, not at the next
				// tick
				.doOnNext(pushedEarly -> {
					if (pushedEarly) {
						poller.runSoon();
					}
				});
		}
		else if (envelope.payload() instanceof CertificateCancelled) {
			// only the gateway's confirmation ends the order: a request the CA refuses
			// leaves it to be followed on to its issuance
			handling = orders.stop(envelope, clock.instant())
				.doOnNext(stopped -> log.info("order {} cancelled: {}", envelope.orderId(),
						stopped ? "no more checks" : "nothing to stop"));
		}
		else if (envelope.payload() instanceof DcvResendRequested || envelope.payload() instanceof DcvChangeRequested
				|| envelope.payload() instanceof ReissueRequested) {
			// the customer acts now: look again soon and restart the fast pace (after a
			// DCV change, so the new record or file to publish reaches the order's views
			// quickly)
			Instant now = clock.instant();
			handling = orders.byId(envelope.orderId())
				.flatMap(order -> reopenIfReissue(envelope, order, now)
					.then(orders.nudge(order.id(), now, schedule.afterNudge(order.ca(), now))))
				.doOnSuccess(
						done -> log.info("order {}: {}, checking again soon", envelope.orderId(), envelope.type()));
		}
		else {
			return;
		}
		handling.block(PROCESSING_LIMIT);
	}

	private Mono<Boolean> reopenIfReissue(EventEnvelope envelope, TrackedOrder order, Instant now) {
		if (!(envelope.payload() instanceof ReissueRequested)) {
			return Mono.just(false);
		}
		return orders.reopenForReissue(order.id(), now, schedule.afterNudge(order.ca(), now)).doOnNext(reopened -> {
			if (reopened) {
				log.info("order {} reissued: following it until the new certificate is issued", order.id());
			}
		});
	}

}
