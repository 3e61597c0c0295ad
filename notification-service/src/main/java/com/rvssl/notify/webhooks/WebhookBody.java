package com.rvssl.notify.webhooks;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON a webhook posts: {@code {deliveryId, event, occurredAt, orderId, resellerId,
 * payload}}, the payload being the event's own JSON form (the contract's). Rendered once
 * and stored with the delivery, so every retry posts, and signs, the very same bytes.
 */
public final class WebhookBody {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WebhookBody() {
	}

	public static String of(EventEnvelope envelope, String deliveryId) {
		JsonNode event = JSON.readTree(EventJson.writeString(envelope));
		ObjectNode body = JSON.createObjectNode();
		body.put("deliveryId", deliveryId);
		body.put("event", envelope.type());
		body.put("occurredAt", envelope.occurredAt().toString());
		body.put("orderId", envelope.orderId());
		body.put("resellerId", envelope.resellerId());
		body.set("payload", event.get("payload"));
		return JSON.writeValueAsString(body);
	}

}
