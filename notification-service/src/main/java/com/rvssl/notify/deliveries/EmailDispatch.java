package com.rvssl.notify.deliveries;

import java.time.Instant;

import com.rvssl.notify.email.EmailMessage;
import io.micrometer.core.instrument.MeterRegistry;
import com.rvssl.notify.email.EmailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Sends emails through the delivery log: log first (RETRYING, claimed by this attempt), send, then
 * mark SENT; a failure schedules the next attempt or, out of attempts, marks the delivery DEAD. A
 * delivery already in the log is never sent again by a redelivered event.
 */
@Service
public class EmailDispatch {

	private static final Logger log = LoggerFactory.getLogger(EmailDispatch.class);

	private final Deliveries deliveries;

	private final EmailSender sender;

	private final DeliveryProperties properties;

	private final RetryPolicy retryPolicy;

	private final MeterRegistry meters;

	public EmailDispatch(Deliveries deliveries, EmailSender sender, DeliveryProperties properties,
			MeterRegistry meters) {
		this.deliveries = deliveries;
		this.sender = sender;
		this.properties = properties;
		this.retryPolicy = properties.retryPolicy();
		this.meters = meters;
	}

	/** @return the delivery after its first attempt; empty when the event was already delivered to this recipient */
	public Mono<Delivery> email(EmailRequest request) {
		Instant now = Instant.now();
		Delivery delivery = new Delivery(
				Delivery.idOf(request.eventId().toString(), DeliveryChannel.EMAIL, request.recipient()),
				request.eventId().toString(), request.orderId(), request.resellerId(), now, DeliveryChannel.EMAIL,
				request.recipient(), request.event(), DeliveryStatus.RETRYING, 0, null,
				now.plus(properties.sendLease()), null, request.message().subject(), request.message().body());
		return deliveries.log(delivery)
			.flatMap(this::attempt)
			.switchIfEmpty(Mono.fromRunnable(() -> log.info("{} {} to {} already in the delivery log, not sent again",
					request.event(), request.eventId(), request.recipient())));
	}

	/** An operator's second chance for a dead delivery: a fresh round of attempts, the first one now. */
	public Mono<Delivery> replay(String id) {
		return deliveries.revive(id, Instant.now().plus(properties.sendLease()))
			.switchIfEmpty(Mono.defer(() -> deliveries.byId(id)
				.switchIfEmpty(Mono.error(() -> new DeliveryNotFoundException(id)))
				.flatMap(existing -> Mono.error(new DeliveryNotDeadException(id, existing.status())))))
			.flatMap(this::attempt);
	}

	/** One attempt of a delivery this caller has claimed. */
	Mono<Delivery> attempt(Delivery delivery) {
		return sender.send(delivery.recipient(), new EmailMessage(delivery.subject(), delivery.body()))
			.then(Mono.defer(() -> deliveries.sent(delivery.id(), Instant.now())))
			.doOnNext(this::count)
			.doOnNext(sent -> log.info("sent {} email to {} (delivery {})", sent.event(), sent.recipient(), sent.id()))
			.onErrorResume(ex -> failed(delivery, ex));
	}

	private Mono<Delivery> failed(Delivery delivery, Throwable ex) {
		int attemptsMade = delivery.attempts() + 1;
		Instant next = retryPolicy.exhausted(attemptsMade) ? null : retryPolicy.nextAttempt(attemptsMade, Instant.now());
		if (next == null) {
			log.error("giving up {} email to {} after {} attempts (delivery {}): {}", delivery.event(),
					delivery.recipient(), attemptsMade, delivery.id(), ex.toString());
		}
		else {
			log.warn("{} email to {} failed (attempt {}), next attempt at {}: {}", delivery.event(),
					delivery.recipient(), attemptsMade, next, ex.toString());
		}
		return deliveries.failed(delivery.id(), String.valueOf(ex.getMessage()), next).doOnNext(this::count);
	}

	/** Attempts by outcome: a growing {@code retrying} or any {@code dead} means mail is not getting out. */
	private void count(Delivery afterAttempt) {
		meters.counter("rvssl.notify.attempts", "channel", afterAttempt.channel().name().toLowerCase(),
				"outcome", afterAttempt.status().name().toLowerCase()).increment();
	}

}
