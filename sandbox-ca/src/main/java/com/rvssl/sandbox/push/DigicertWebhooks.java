package com.rvssl.sandbox.push;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The webhooks registered through the DigiCert-style API, each by one account (API key):
 * an account's orders push to its own webhooks only.
 */
@Component
public class DigicertWebhooks {

	/** One registration. */
	public record Webhook(long id, String account, String endpoint, String secret, List<String> events) {

		public Webhook {
			events = List.copyOf(events);
		}
	}

	private final Map<Long, Webhook> webhooks = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(1);

	public Webhook register(String account, String endpoint, String secret, List<String> events) {
		Webhook webhook = new Webhook(this.ids.getAndIncrement(), account, endpoint, secret, events);
		this.webhooks.put(webhook.id(), webhook);
		return webhook;
	}

	/** The account's webhooks, oldest first. */
	public List<Webhook> of(String account) {
		return this.webhooks.values()
			.stream()
			.filter((webhook) -> webhook.account().equals(account))
			.sorted(Comparator.comparingLong(Webhook::id))
			.toList();
	}

	/** Removes one of the account's webhooks; false when it has none with that id. */
	public boolean remove(String account, long id) {
		Webhook webhook = this.webhooks.get(id);
		return webhook != null && webhook.account().equals(account) && this.webhooks.remove(id, webhook);
	}

}
