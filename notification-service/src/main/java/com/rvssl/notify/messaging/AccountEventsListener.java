package com.rvssl.notify.messaging;

import java.time.Duration;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.CreditLow;
import com.rvssl.contracts.events.CreditToppedUp;
import com.rvssl.contracts.events.ResellerRegistered;
import com.rvssl.notify.deliveries.DeliveryDispatch;
import com.rvssl.notify.deliveries.EmailRequest;
import com.rvssl.notify.email.EmailProperties;
import com.rvssl.notify.email.EmailTemplates;
import com.rvssl.notify.recipients.Reseller;
import com.rvssl.notify.recipients.Resellers;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Account events: remembers resellers (who to write to, and their API key hash for the
 * API) and sends a receipt for each top-up and a warning when the credit runs low.
 */
@Component
class AccountEventsListener {

	private static final Duration PROCESSING_LIMIT = Duration.ofSeconds(60);

	private final Resellers resellers;

	private final DeliveryDispatch dispatch;

	private final EmailProperties properties;

	AccountEventsListener(Resellers resellers, DeliveryDispatch dispatch, EmailProperties properties) {
		this.resellers = resellers;
		this.dispatch = dispatch;
		this.properties = properties;
	}

	// accounts change seldom: one consumer, not one per thread of the orders listener,
	// which would each fetch and heartbeat all the time for nothing
	@KafkaListener(topics = Topics.ACCOUNTS, concurrency = "1")
	void on(EventEnvelope envelope) {
		Mono<?> handling;
		if (envelope.payload() instanceof ResellerRegistered registered) {
			// saving by id makes a redelivery harmless
			handling = resellers.save(new Reseller(envelope.resellerId(), registered.name(), registered.email(),
					registered.apiKeyHash()));
		}
		else if (envelope.payload() instanceof CreditToppedUp toppedUp) {
			handling = ResellerAddress.lookUp(resellers, envelope.resellerId(), properties.operatorEmail())
				.flatMap(recipient -> dispatch.email(new EmailRequest(envelope.eventId(), null, envelope.resellerId(),
						envelope.type(), recipient.email(), EmailTemplates.creditReceipt(recipient.name(), toppedUp))));
		}
		else if (envelope.payload() instanceof CreditLow low) {
			handling = ResellerAddress.lookUp(resellers, envelope.resellerId(), properties.operatorEmail())
				.flatMap(recipient -> dispatch.email(new EmailRequest(envelope.eventId(), null, envelope.resellerId(),
						envelope.type(), recipient.email(), EmailTemplates.creditLow(recipient.name(), low))));
		}
		else {
			return;
		}
		handling.block(PROCESSING_LIMIT);
	}

}
