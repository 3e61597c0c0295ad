package com.rvssl.notify.deliveries;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one recipient because of one event. Its id is derived from (event id,
 * channel, recipient), so a redelivered event finds its delivery already logged and sends
 * nothing again. The rendered subject and body are kept, so retries and replays send the
 * very same text: for an email its plain text (with its HTML alternative and attachment),
 * for a webhook the JSON posted.
 */
@Document(Delivery.COLLECTION)
public record Delivery(@Id String id, String eventId, String orderId, String resellerId, Instant at,
		DeliveryChannel channel, String recipient, String event, DeliveryStatus status, int attempts, String lastError,
		Instant nextAttemptAt, Instant sentAt, String subject, String body, String html, String attachmentName,
		String attachment) {

	public static final String COLLECTION = "deliveries";

	/**
	 * A stable id (name-based UUID) for the delivery of {@code eventId} over
	 * {@code channel} to {@code recipient}.
	 */
	public static String idOf(String eventId, DeliveryChannel channel, String recipient) {
		String name = eventId + "|" + channel + "|" + recipient.trim().toLowerCase(java.util.Locale.ROOT);
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
