package com.rvssl.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment provider's API as billing's tests need it, over real HTTP on a free port of
 * the loopback: {@code POST /payments} (billing's key required, idempotent by
 * {@code Idempotency-Key}) answers a payment id and page URL. It sends no callbacks: the
 * tests sign and send them, well formed or not. It can be switched off (every request a
 * 503) to show what billing does when the provider is down.
 */
final class FakePaymentProvider {

	static final String API_KEY = "test-provider-key";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static FakePaymentProvider instance;

	private final HttpServer server;

	private final Map<String, Payment> byTopUp = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	private volatile boolean down;

	/** Run with each new payment before the provider answers billing. */
	private volatile java.util.function.Consumer<Payment> beforeAnswer = (payment) -> {
	};

	private FakePaymentProvider() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/payments", this::create);
		server.start();
	}

	static synchronized FakePaymentProvider get() {
		if (instance == null) {
			instance = new FakePaymentProvider();
		}
		return instance;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	void down(boolean down) {
		this.down = down;
	}

	void beforeAnswer(java.util.function.Consumer<Payment> hook) {
		this.beforeAnswer = hook;
	}

	/** The payment made for a top-up, if billing asked for one. */
	Payment paymentFor(String topUpId) {
		return byTopUp.get(topUpId);
	}

	/** The payment of that id. */
	Payment byId(String paymentId) {
		return byTopUp.values()
			.stream()
			.filter((payment) -> payment.id().equals(paymentId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no payment " + paymentId));
	}

	private void create(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (down) {
				reply(exchange, 503, "{\"error\":\"down for the test\"}");
				return;
			}
			if (!"POST".equals(exchange.getRequestMethod())
					|| !("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				reply(exchange, 401, "{\"error\":\"no\"}");
				return;
			}
			JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
			String topUpId = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			Payment payment = byTopUp.computeIfAbsent(topUpId,
					(key) -> new Payment("pay_" + ids.incrementAndGet(), body.get("reference").asString(),
							body.get("amount").get("amount").asLong(), body.get("amount").get("currency").asString()));
			beforeAnswer.accept(payment);
			reply(exchange, 201, JSON.writeValueAsString(Map.of("id", payment.id(), "url",
					"https://pay.example/checkout/" + payment.id(), "reference", payment.reference())));
		}
	}

	private static void reply(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	record Payment(String id, String reference, long amount, String currency) {
	}

}
