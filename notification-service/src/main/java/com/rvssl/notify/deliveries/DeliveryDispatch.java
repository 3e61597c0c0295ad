package com.rvssl.notify.deliveries;

import java.time.Instant;

import com.rvssl.notify.email.EmailMessage;
import com.rvssl.notify.email.EmailSender;
import com.rvssl.notify.webhooks.WebhookBody;
import com.rvssl.notify.webhooks.WebhookProperties;
import com.rvssl.notify.webhooks.WebhookSender;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Sends emails and webhooks through the delivery log: log first (RETRYING, claimed by
 * this attempt), send, then mark SENT; a failure schedules the next attempt (each channel
 * its own policy: webhooks retry for hours) or, out of attempts, marks the delivery DEAD.
 * A delivery already in the log is never sent again by a redelivered event.
 */
@Service
public class DeliveryDispatch {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatch.class);

	private final Deliveries deliveries;

	private final EmailSender sender;

	private final WebhookSender webhooks;

	private final DeliveryProperties properties;

	private final RetryPolicy emailRetries;

	private final RetryPolicy webhookRetries;

	private final MeterRegistry meters;

	public DeliveryDispatch(Deliveries deliveries, EmailSender sender, WebhookSender webhooks,
			DeliveryProperties properties, WebhookProperties webhookProperties, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.sender = sender;
		this.webhooks = webhooks;
		this.properties = properties;
		this.emailRetries = properties.retryPolicy();
		this.webhookRetries = new RetryPolicy(webhookProperties.maxAttempts(), webhookProperties.backoff(),
				webhookProperties.maxBackoff());
		this.meters = meters;
	}

	/**
	 * @return the delivery after its first attempt; empty when the event was already
	 * delivered to this recipient
	 */
	public Mono<Delivery> email(EmailRequest request) {
		Instant now = Instant.now();
		EmailMessage message = request.message();
		Delivery delivery = new Delivery(
				Delivery.idOf(request.eventId().toString(), DeliveryChannel.EMAIL, request.recipient()),
				request.eventId().toString(), request.orderId(), request.resellerId(), now, DeliveryChannel.EMAIL,
				request.recipient(), request.event(), DeliveryStatus.RETRYING, 0, null,
				now.plus(properties.sendLease()), null, message.subject(), message.body(), message.html(),
				message.attachmentName(), message.attachment());
		return deliveries.log(delivery)
			.flatMap(this::attempt)
			.switchIfEmpty(Mono.fromRunnable(() -> log.info("{} {} to {} already in the delivery log, not sent again",
					request.event(), request.eventId(), request.recipient())));
	}

	/**
	 * Logs a webhook and starts its first attempt without waiting for it: the caller (the
	 * Kafka listener) goes on with the next event while a slow receiver takes its time.
	 * If this instance dies mid-post, the claim runs out and the retry sweep posts it.
	 * @return the logged delivery; empty when this event's webhook is already in the log
	 */
	public Mono<Delivery> webhook(WebhookRequest request) {
		Instant now = Instant.now();
		var envelope = request.envelope();
		String id = Delivery.idOf(envelope.eventId().toString(), DeliveryChannel.WEBHOOK, envelope.resellerId());
		Delivery delivery = new Delivery(id, envelope.eventId().toString(), envelope.orderId(), envelope.resellerId(),
				now, DeliveryChannel.WEBHOOK, request.url(), envelope.type(), DeliveryStatus.RETRYING, 0, null,
				now.plus(properties.sendLease()), null, envelope.type(), WebhookBody.of(envelope, id), null, null,
				null);
		return deliveries.log(delivery).doOnNext(logged -> attempt(logged).subscribe());
	}

	/**
	 * An operator's second chance for a dead delivery: a fresh round of attempts, the
	 * first one now.
	 */
	public Mono<Delivery> replay(String id) {
		return deliveries.revive(id, Instant.now().plus(properties.sendLease()))
			.switchIfEmpty(Mono.defer(() -> deliveries.byId(id)
				.switchIfEmpty(Mono.error(() -> new DeliveryNotFoundException(id)))
				.flatMap(existing -> Mono.error(new DeliveryNotDeadException(id, existing.status())))))
			.flatMap(this::attempt);
	}

	/** One attempt of a delivery this caller has claimed. */
	Mono<Delivery> attempt(Delivery delivery) {
		return send(delivery).then(Mono.defer(() -> deliveries.sent(delivery.id(), Instant.now())))
			.doOnNext(this::count)
			.doOnNext(sent -> log.info("sent {} {} to {} (delivery {})", sent.event(), sent.channel(), sent.recipient(),
					sent.id()))
			.onErrorResume(ex -> failed(delivery, ex));
	}

	private Mono<Void> send(Delivery delivery) {
		return switch (delivery.channel()) {
			case EMAIL -> sender.send(delivery.recipient(), new EmailMessage(delivery.subject(), delivery.body(),
					delivery.html(), delivery.attachmentName(), delivery.attachment()));
			case WEBHOOK -> webhooks.post(delivery.resellerId(), delivery.id(), delivery.body());
		};
	}

	private Mono<Delivery> failed(Delivery delivery, Throwable ex) {
		RetryPolicy retryPolicy = (delivery.channel() == DeliveryChannel.WEBHOOK) ? webhookRetries : emailRetries;
		int attemptsMade = delivery.attempts() + 1;
		Instant next = retryPolicy.exhausted(attemptsMade) ? null
				: retryPolicy.nextAttempt(attemptsMade, Instant.now());
		if (next == null) {
			log.error("giving up {} {} to {} after {} attempts (delivery {}): {}", delivery.event(), delivery.channel(),
					delivery.recipient(), attemptsMade, delivery.id(), ex.toString());
		}
		else {
			log.warn("{} {} to {} failed (attempt {}), next attempt at {}: {}", delivery.event(), delivery.channel(),
					delivery.recipient(), attemptsMade, next, ex.toString());
		}
		return deliveries.failed(delivery.id(), String.valueOf(ex.getMessage()), next).doOnNext(this::count);
	}

	/**
	 * Attempts by outcome: a growing {@code retrying} or any {@code dead} means messages
	 * are not getting out.
	 */
	private void count(Delivery afterAttempt) {
		meters
			.counter("rvssl.notify.attempts", "channel", afterAttempt.channel().name().toLowerCase(), "outcome",
					afterAttempt.status().name().toLowerCase())
			.increment();
	}

}
