package com.rvssl.sandbox;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Places DigiCert-style orders for tests. */
public final class DigicertOrders {

	public static final String DEV_KEY = "sandbox-devkey";

	private DigicertOrders() {
	}

	public static Map<String, Object> body(String commonName, List<String> dnsNames, String csr, String reference) {
		return Map.of("certificate",
				Map.of("common_name", commonName, "dns_names", dnsNames, "csr", csr, "signature_hash", "sha256",
						"server_platform", Map.of("id", -1)),
				"order_validity", Map.of("years", 1), "payment_method", "balance", "dcv_method", "email", "dcv_emails",
				List.of("admin@" + commonName), "comments", reference);
	}

	public static WebTestClient.ResponseSpec order(WebTestClient client, String product, Map<String, Object> body) {
		return client.post()
			.uri("/services/v2/order/certificate/{product}", product)
			.header("X-DC-DEVKEY", DEV_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/** Orders and returns the new order's id. */
	public static long placed(WebTestClient client, String product, Map<String, Object> body) {
		Map<?, ?> created = order(client, product, body).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) created.get("id")).longValue();
	}

	public static String status(WebTestClient client, long orderId) {
		return (String) details(client, orderId).get("status");
	}

	/** The order's details as the DigiCert API answers them. */
	public static Map<?, ?> details(WebTestClient client, long orderId) {
		return client.get()
			.uri("/services/v2/order/certificate/{id}", orderId)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
