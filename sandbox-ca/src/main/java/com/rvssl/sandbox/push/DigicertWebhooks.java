package com.rvssl.sandbox.push;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/** The webhooks registered through the DigiCert-style API (one key, so one account). */
@Component
public class DigicertWebhooks {

	/** One registration. */
	public record Webhook(long id, String endpoint, String secret, List<String> events) {

		public Webhook {
			events = List.copyOf(events);
		}
	}

	private final Map<Long, Webhook> webhooks = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(1);

	public Webhook register(String endpoint, String secret, List<String> events) {
		Webhook webhook = new Webhook(this.ids.getAndIncrement(), endpoint, secret, events);
		this.webhooks.put(webhook.id(), webhook);
		return webhook;
	}

	public List<Webhook> all() {
		return this.webhooks.values().stream().sorted(Comparator.comparingLong(Webhook::id)).toList();
	}

	public boolean remove(long id) {
		return this.webhooks.remove(id) != null;
	}

}
