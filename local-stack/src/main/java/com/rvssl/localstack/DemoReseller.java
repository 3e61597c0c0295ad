package com.rvssl.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Makes sure the stack has a demo reseller with credit: created through billing's
 * operator API the first time, its starting credit recorded by the operator as a bank
 * transfer (credited at once), reused after a restart while billing still knows its key.
 */
final class DemoReseller {

	/** USD 1,000.00 of starting credit, in cents. */
	static final long STARTING_CREDIT = 100_000;

	private final PlatformClient client;

	private final String billingUrl;

	private final String orderUrl;

	DemoReseller(PlatformClient client, String billingUrl, String orderUrl) {
		this.client = client;
		this.billingUrl = billingUrl;
		this.orderUrl = orderUrl;
	}

	Credentials ensure(Credentials credentials) {
		Credentials result = credentials;
		if (credentials.resellerKey() == null
				|| client.get(billingUrl + "/api/v1/account", credentials.resellerKey()).status() != 200) {
			result = create(credentials);
		}
		awaitKnownToOrderService(result.resellerKey(), Duration.ofSeconds(60));
		return result;
	}

	private Credentials create(Credentials credentials) {
		PlatformClient.Reply created = client.post(billingUrl + "/api/v1/admin/resellers", credentials.operatorKey(),
				Map.of("name", "Demo Hosting", "currency", "USD", "email", "billing@demo-hosting.example"), Map.of());
		if (created.status() != 201) {
			throw new IllegalStateException("billing refused to create the demo reseller: " + created);
		}
		String resellerId = created.body().get("resellerId").asString();
		String apiKey = created.body().get("apiKey").asString();
		PlatformClient.Reply topUp = client.post(billingUrl + "/api/v1/admin/resellers/" + resellerId + "/top-ups",
				credentials.operatorKey(),
				Map.of("amount", Map.of("amount", STARTING_CREDIT, "currency", "USD"), "reference", "demo credit"),
				Map.of("Idempotency-Key", "demo-starting-credit"));
		if (topUp.status() / 100 != 2) {
			throw new IllegalStateException("billing refused the demo top-up: " + topUp);
		}
		return credentials.withReseller(resellerId, apiKey);
	}

	/**
	 * The key reaches order-service as an event; wait for it so the first curl does not
	 * get a 401.
	 */
	private void awaitKnownToOrderService(String apiKey, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (client.get(orderUrl + "/api/v1/orders", apiKey).status() == 200) {
				return;
			}
			Pause.briefly();
		}
		throw new IllegalStateException("order-service did not learn the demo reseller's key within " + timeout);
	}

}
