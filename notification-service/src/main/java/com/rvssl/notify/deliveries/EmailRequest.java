package com.rvssl.notify.deliveries;

import java.util.UUID;

import com.rvssl.notify.email.EmailMessage;

/** An email to send because of one event. */
public record EmailRequest(UUID eventId, String orderId, String resellerId, String event, String recipient,
		EmailMessage message) {
}
