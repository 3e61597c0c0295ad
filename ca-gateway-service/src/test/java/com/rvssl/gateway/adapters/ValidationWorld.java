package com.rvssl.gateway.adapters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The world a sandbox validates domains against, for contract tests: a loopback web
 * server that serves the validation files a test publishes, routed to by the sandbox's
 * resolver, and the sandbox's DNS registry and advance call.
 */
public final class ValidationWorld implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpServer web;

	private final Map<String, String> files = new ConcurrentHashMap<>();

	private final WebClient sandbox;

	public ValidationWorld(String sandboxUrl) {
		this.sandbox = WebClient.create(sandboxUrl);
		try {
			this.web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.web.createContext("/", exchange -> {
			String body = files.get(exchange.getRequestURI().getPath());
			byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
			exchange.sendResponseHeaders((body != null) ? 200 : 404, (bytes.length > 0) ? bytes.length : -1);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
			exchange.close();
		});
		this.web.start();
	}

	/**
	 * Publishes a file at the URL's path and routes the URL's host to the loopback
	 * server.
	 */
	public void publish(String url, String content) {
		URI uri = URI.create(url);
		files.put(uri.getPath(), content);
		sandbox.put()
			.uri("/sandbox/resolver")
			.bodyValue(Map.of("domain", uri.getHost(), "address", "127.0.0.1:" + web.getAddress().getPort()))
			.retrieve()
			.toBodilessEntity()
			.block(TIMEOUT);
	}

	public void dnsRecord(String name, String type, String value) {
		sandbox.put()
			.uri("/sandbox/dns")
			.bodyValue(Map.of("name", name, "type", type, "value", value))
			.retrieve()
			.toBodilessEntity()
			.block(TIMEOUT);
	}

	public void advance(String caOrderId) {
		sandbox.post().uri("/sandbox/orders/{id}/advance", caOrderId).retrieve().toBodilessEntity().block(TIMEOUT);
	}

	@Override
	public void close() {
		web.stop(0);
	}

}
