package com.rvssl.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resellers' WHMCS endpoints of the chaos run: records every webhook it accepts by
 * its delivery id (a retried delivery counts once, as WHMCS deduplicates it) and, like a
 * busy WHMCS, fails some requests with a 503 so that the platform has to retry.
 */
final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A webhook accepted: which event of which order. */
	record Received(String event, String orderId, String resellerId) {
	}

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(4);

	private final Map<String, Received> byDeliveryId = new ConcurrentHashMap<>();

	private final Set<String> firstTries = new HashSet<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	private final Random random;

	private final double failureRate;

	private WebhookReceiver(HttpServer server, Random random, double failureRate) {
		this.server = server;
		this.random = random;
		this.failureRate = failureRate;
	}

	static WebhookReceiver start(Random random, double failureRate) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		WebhookReceiver receiver = new WebhookReceiver(server, random, failureRate);
		server.createContext("/whmcs/", receiver::handle);
		server.setExecutor(receiver.threads);
		server.start();
		return receiver;
	}

	String url(String resellerId) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/whmcs/" + resellerId;
	}

	Map<String, Received> received() {
		return Map.copyOf(byDeliveryId);
	}

	int requests() {
		return requests.get();
	}

	int refused() {
		return refused.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			requests.incrementAndGet();
			String deliveryId = exchange.getRequestHeaders().getFirst("X-Rvssl-Delivery");
			// a delivery's first request only: its retry then comes after the platform's
			// first back-off (30 s), which bounds how long the run waits for it
			boolean fail;
			synchronized (random) {
				fail = firstTries.add(deliveryId) && random.nextDouble() < failureRate;
			}
			if (fail) {
				refused.incrementAndGet();
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			JsonNode json = JSON.readTree(text);
			byDeliveryId.putIfAbsent(deliveryId, new Received(json.path("event").asString(),
					json.path("orderId").asString(), json.path("resellerId").asString()));
			exchange.sendResponseHeaders(204, -1);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

}
