package com.rvssl.notify.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.rvssl.contracts.Customer;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.CancellationRefused;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.RefundIssued;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.contracts.events.RenewalDue;
import com.rvssl.notify.deliveries.DeliveryDispatch;
import com.rvssl.notify.deliveries.EmailRequest;
import com.rvssl.notify.deliveries.WebhookRequest;
import com.rvssl.notify.email.EmailMessage;
import com.rvssl.notify.email.EmailProperties;
import com.rvssl.notify.email.EmailTemplates;
import com.rvssl.notify.email.ValidationInstructions;
import com.rvssl.notify.recipients.OrderContact;
import com.rvssl.notify.recipients.OrderContacts;
import com.rvssl.notify.recipients.Reseller;
import com.rvssl.notify.recipients.Resellers;
import com.rvssl.kit.kafka.PollRecords;
import com.rvssl.notify.webhooks.WebhookEndpoint;
import com.rvssl.notify.webhooks.WebhookEndpoints;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Order events: remembers each order's customer from {@code OrderPlaced}; posts every
 * order event the reseller's WHMCS cares about to its webhook (without waiting for the
 * receiver); emails the customer what to do for validation (only when the instruction
 * changed), on issuance and on rejection, the customer and the reseller when a plan's
 * last certificate is due for renewal, and the reseller when an order waits for payment.
 * While the platform renews a certificate within its plan (an automatic
 * {@code ReissueRequested}, remembered by {@link RenewalsUnderWay}) the customer's
 * validation email says the CA asks again for the renewal, and the renewed certificate's
 * email says it was renewed within the plan. A certificate about to expire unrenewed
 * ({@code CertificateExpiringUnrenewed}) gets the customer an email saying what to do (or
 * to contact the provider). A reissued certificate reaches the webhook as
 * {@code CertificateIssued} with the new certificate, like the first. Each record is
 * finished (bounded wait) before the next; a failed send does not hold the partition, the
 * delivery log retries it. A record that fails is named to the error handler, which
 * commits those before it, retries it and then dead-letters it.
 */
@Component
class OrderEventsListener {

	private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

	private static final Duration PROCESSING_LIMIT = Duration.ofSeconds(60);

	/** The order events a reseller's webhook receives. */
	private static final Set<Class<?>> WEBHOOK_EVENTS = Set.of(OrderPlaced.class, PaymentCaptured.class,
			CreditInsufficient.class, CertificateSubmitted.class, CertificateValidationUpdated.class,
			CertificateIssued.class, CertificateRejected.class, OrderCancelled.class, CertificateCancelled.class,
			CancellationRefused.class, RefundIssued.class, RenewalDue.class, ReissueRequested.class,
			CertificateExpiringUnrenewed.class);

	private final OrderContacts contacts;

	private final Resellers resellers;

	private final WebhookEndpoints webhooks;

	private final DeliveryDispatch dispatch;

	private final EmailProperties properties;

	private final LastInstructions instructions;

	private final RenewalsUnderWay renewals;

	OrderEventsListener(OrderContacts contacts, Resellers resellers, WebhookEndpoints webhooks,
			DeliveryDispatch dispatch, EmailProperties properties, LastInstructions instructions,
			RenewalsUnderWay renewals) {
		this.instructions = instructions;
		this.renewals = renewals;
		this.contacts = contacts;
		this.resellers = resellers;
		this.webhooks = webhooks;
		this.dispatch = dispatch;
		this.properties = properties;
	}

	/**
	 * A poll at a time: the webhooks of the resellers its events are for are read in one
	 * query, then each record is finished before the next.
	 */
	@KafkaListener(topics = Topics.ORDERS, batch = "true")
	void on(List<ConsumerRecord<String, EventEnvelope>> records) {
		Set<String> resellerIds = records.stream()
			.map(ConsumerRecord::value)
			.filter((envelope) -> envelope != null && envelope.resellerId() != null)
			.map(EventEnvelope::resellerId)
			.collect(Collectors.toSet());
		Map<String, WebhookEndpoint> endpoints = PollRecords.first(records,
				() -> webhooks.findAllById(resellerIds)
					.collectMap(WebhookEndpoint::resellerId)
					.block(PROCESSING_LIMIT));
		PollRecords.each(records, (envelope) -> on(envelope, endpoints));
	}

	private void on(EventEnvelope envelope, Map<String, WebhookEndpoint> endpoints) {
		Mono<?> handling;
		if (envelope.payload() instanceof OrderPlaced placed) {
			handling = contacts.save(contactOf(envelope, placed));
		}
		else if (envelope.payload() instanceof ReissueRequested reissue) {
			// a new validation starts: its instructions are news even if they equal the
			// first ones
			handling = instructions.forget(envelope.orderId())
				.then(reissue.automatic() ? renewals.start(envelope.orderId(), envelope.occurredAt()) : Mono.empty());
		}
		else if (envelope.payload() instanceof CertificateIssued issued) {
			handling = renewals.isUnderWay(envelope.orderId())
				.flatMap(renewal -> renewal
						? toCustomer(envelope,
								(contact, brand) -> EmailTemplates.certificateRenewed(envelope.orderId(), contact,
										brand, issued))
							.then(renewals.finish(envelope.orderId()))
						: toCustomer(envelope, (contact, brand) -> EmailTemplates.certificateIssued(envelope.orderId(),
								contact, brand, issued)));
		}
		else if (envelope.payload() instanceof CertificateRejected rejected) {
			handling = toCustomer(envelope, (contact, brand) -> EmailTemplates.certificateRejected(envelope.orderId(),
					contact, brand, rejected));
		}
		else if (envelope.payload() instanceof CertificateValidationUpdated updated) {
			handling = ValidationInstructions.asksTheCustomer(updated) ? instructions
				.isNews(envelope.orderId(), envelope.eventId().toString(), ValidationInstructions.of(updated))
				.flatMap(news -> news
						? renewals.isUnderWay(envelope.orderId())
							.flatMap(renewal -> toCustomer(envelope, (contact, brand) -> renewal
									? EmailTemplates.renewalNeedsAction(envelope.orderId(), contact, brand, updated)
									: EmailTemplates.validationUpdated(envelope.orderId(), contact, brand, updated)))
						: Mono.fromRunnable(
								() -> log.info("order {}: the CA asks the same as before, no new validation email",
										envelope.orderId())))
					: Mono.empty();
		}
		else if (envelope.payload() instanceof RenewalDue due) {
			handling = toCustomer(envelope,
					(contact, brand) -> EmailTemplates.renewalReminder(envelope.orderId(), contact, brand, due,
							envelope.occurredAt()))
				.then(contacts.findById(envelope.orderId())
					.map(java.util.Optional::of)
					.defaultIfEmpty(java.util.Optional.empty())
					.flatMap(contact -> toReseller(envelope,
							name -> EmailTemplates.renewalReminderForReseller(envelope.orderId(), name,
									contact.orElse(null), due, envelope.occurredAt()))));
		}
		else if (envelope.payload() instanceof CertificateExpiringUnrenewed expiring) {
			// once per certificate: the delivery log keeps a redelivery from mailing it
			// twice
			handling = toCustomer(envelope,
					(contact, brand) -> EmailTemplates.renewalAtRisk(envelope.orderId(), contact, brand, expiring));
		}
		else if (envelope.payload() instanceof CreditInsufficient insufficient) {
			handling = toReseller(envelope,
					name -> EmailTemplates.waitingForPayment(envelope.orderId(), name, insufficient));
		}
		else {
			handling = Mono.empty();
		}
		webhook(envelope, endpoints).then(handling).block(PROCESSING_LIMIT);
	}

	/**
	 * Logs the reseller's webhook for this event and starts posting it; the post itself
	 * is not waited for.
	 */
	private Mono<?> webhook(EventEnvelope envelope, Map<String, WebhookEndpoint> endpoints) {
		if (envelope.resellerId() == null || !WEBHOOK_EVENTS.contains(envelope.payload().getClass())) {
			return Mono.empty();
		}
		return Mono.justOrEmpty(endpoints.get(envelope.resellerId()))
			.flatMap(endpoint -> dispatch.webhook(new WebhookRequest(envelope, endpoint.url())));
	}

	private static OrderContact contactOf(EventEnvelope envelope, OrderPlaced placed) {
		Customer customer = placed.customer();
		return new OrderContact(envelope.orderId(), envelope.resellerId(), (customer != null) ? customer.name() : null,
				(customer != null) ? customer.email() : null, placed.domains(), placed.productCode(),
				envelope.occurredAt(), (placed.dcv() != null) ? placed.dcv().method() : null,
				(placed.dcv() != null) ? placed.dcv().approverEmail() : null);
	}

	private Mono<?> toCustomer(EventEnvelope envelope, BiFunction<OrderContact, String, EmailMessage> template) {
		return contacts.findById(envelope.orderId())
			.filter(contact -> contact.customerEmail() != null)
			.switchIfEmpty(Mono.<OrderContact>fromRunnable(() -> log.warn(
					"{} of order {}: no customer email known (its OrderPlaced was not seen), nothing sent",
					envelope.type(), envelope.orderId())))
			.flatMap(contact -> brandOf(envelope.resellerId()).flatMap(brand -> dispatch
				.email(new EmailRequest(envelope.eventId(), envelope.orderId(), envelope.resellerId(), envelope.type(),
						contact.customerEmail(), template.apply(contact, brand)))));
	}

	/** The name the customer knows its provider by: the reseller's registered name. */
	private Mono<String> brandOf(String resellerId) {
		return ((resellerId != null) ? resellers.findById(resellerId) : Mono.<Reseller>empty()).map(Reseller::name)
			.filter(name -> !name.isBlank())
			.defaultIfEmpty(EmailTemplates.RVSSL);
	}

	private Mono<?> toReseller(EventEnvelope envelope, Function<String, EmailMessage> template) {
		return ResellerAddress.lookUp(resellers, envelope.resellerId(), properties.operatorEmail())
			.flatMap(recipient -> dispatch.email(new EmailRequest(envelope.eventId(), envelope.orderId(),
					envelope.resellerId(), envelope.type(), recipient.email(), template.apply(recipient.name()))));
	}

}
