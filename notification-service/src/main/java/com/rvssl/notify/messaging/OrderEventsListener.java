package com.rvssl.notify.messaging;

import java.time.Duration;
import java.util.function.Function;

import com.rvssl.contracts.Customer;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.notify.deliveries.EmailDispatch;
import com.rvssl.notify.deliveries.EmailRequest;
import com.rvssl.notify.email.EmailMessage;
import com.rvssl.notify.email.EmailProperties;
import com.rvssl.notify.email.EmailTemplates;
import com.rvssl.notify.recipients.OrderContact;
import com.rvssl.notify.recipients.OrderContacts;
import com.rvssl.notify.recipients.Resellers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Order events: remembers each order's customer from {@code OrderPlaced}, and emails the customer
 * on issuance and rejection, the reseller when an order waits for payment. Each record is finished
 * (bounded wait) before the next; a failed send does not hold the partition, the delivery log
 * retries it.
 */
@Component
class OrderEventsListener {

	private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

	private static final Duration PROCESSING_LIMIT = Duration.ofSeconds(60);

	private final OrderContacts contacts;

	private final Resellers resellers;

	private final EmailDispatch dispatch;

	private final EmailProperties properties;

	OrderEventsListener(OrderContacts contacts, Resellers resellers, EmailDispatch dispatch,
			EmailProperties properties) {
		this.contacts = contacts;
		this.resellers = resellers;
		this.dispatch = dispatch;
		this.properties = properties;
	}

	@KafkaListener(topics = Topics.ORDERS)
	void on(EventEnvelope envelope) {
		Mono<?> handling;
		if (envelope.payload() instanceof OrderPlaced placed) {
			handling = contacts.save(contactOf(envelope, placed));
		}
		else if (envelope.payload() instanceof CertificateIssued issued) {
			handling = toCustomer(envelope,
					contact -> EmailTemplates.certificateIssued(envelope.orderId(), contact, issued));
		}
		else if (envelope.payload() instanceof CertificateRejected rejected) {
			handling = toCustomer(envelope,
					contact -> EmailTemplates.certificateRejected(envelope.orderId(), contact, rejected));
		}
		else if (envelope.payload() instanceof CreditInsufficient insufficient) {
			handling = toReseller(envelope,
					name -> EmailTemplates.waitingForPayment(envelope.orderId(), name, insufficient));
		}
		else {
			return;
		}
		handling.block(PROCESSING_LIMIT);
	}

	private static OrderContact contactOf(EventEnvelope envelope, OrderPlaced placed) {
		Customer customer = placed.customer();
		return new OrderContact(envelope.orderId(), envelope.resellerId(), (customer != null) ? customer.name() : null,
				(customer != null) ? customer.email() : null, placed.domains(), placed.productCode(),
				envelope.occurredAt());
	}

	private Mono<?> toCustomer(EventEnvelope envelope, Function<OrderContact, EmailMessage> template) {
		return contacts.findById(envelope.orderId())
			.filter(contact -> contact.customerEmail() != null)
			.switchIfEmpty(Mono.<OrderContact>fromRunnable(() -> log.warn(
					"{} of order {}: no customer email known (its OrderPlaced was not seen), nothing sent",
					envelope.type(), envelope.orderId())))
			.flatMap(contact -> dispatch.email(new EmailRequest(envelope.eventId(), envelope.orderId(),
					envelope.resellerId(), envelope.type(), contact.customerEmail(), template.apply(contact))));
	}

	private Mono<?> toReseller(EventEnvelope envelope, Function<String, EmailMessage> template) {
		return ResellerAddress.lookUp(resellers, envelope.resellerId(), properties.operatorEmail())
			.flatMap(recipient -> dispatch.email(new EmailRequest(envelope.eventId(), envelope.orderId(),
					envelope.resellerId(), envelope.type(), recipient.email(), template.apply(recipient.name()))));
	}

}
