package com.rvssl.gateway.messaging;

import com.rvssl.gateway.submission.SubmissionRecord;
import com.rvssl.kit.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The submissions carry the events their changes cause in their {@code outbox}; the kit's
 * relay publishes them ({@code rvssl.outbox.*}). The store only ever updates a record
 * after inserting it, so the relay's claim on a record is never dropped.
 */
@Configuration(proxyBeanMethods = false)
class Outboxes {

	@Bean
	OutboxCollection submissionsOutbox() {
		return OutboxCollection.named(SubmissionRecord.COLLECTION);
	}

}
