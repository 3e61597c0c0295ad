package com.rvssl.gateway.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rvssl.sandbox.SandboxCaApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The sandbox CA running in this JVM, and its admin API (orders by reference, faults,
 * advancing orders). Public for the scenarios that need the gateway's package-private
 * parts (the submission package's own integration tests).
 */
public final class SandboxCa implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ConfigurableApplicationContext context;

	private final String baseUrl;

	private final WebClient admin;

	private SandboxCa(ConfigurableApplicationContext context) {
		this.context = context;
		this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
		// the whole book of a few hundred orders, each with its certificates and
		// validation
		// dates, is well past WebFlux's 256 KiB default
		this.admin = WebClient.builder()
			.baseUrl(baseUrl)
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
	}

	static SandboxCa start(String approveAfter, String... moreArguments) {
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--sandbox.dv.approve-after=" + approveAfter));
		arguments.addAll(List.of(moreArguments));
		return new SandboxCa(SandboxCaApplication.start(arguments.toArray(String[]::new)));
	}

	String baseUrl() {
		return baseUrl;
	}

	/** The CA orders submitted with this reference (our order id). */
	public List<Map<String, Object>> ordersWithReference(String reference) {
		return admin.get()
			.uri(uri -> uri.path("/sandbox/orders").queryParam("reference", reference).build())
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.block(TIMEOUT);
	}

	void fault(String mode, long durationSeconds, double probability) {
		fault("digicert", mode, durationSeconds, probability, 0);
	}

	public void fault(String api, String mode, long durationSeconds, double probability, long latencyMillis) {
		admin.post()
			.uri("/sandbox/faults")
			.bodyValue(Map.of("api", api, "mode", mode, "durationSeconds", durationSeconds, "probability", probability,
					"latencyMillis", latencyMillis))
			.retrieve()
			.toBodilessEntity()
			.block(TIMEOUT);
	}

	/** Every order the sandbox holds (one call, for tests counting many references). */
	List<Map<String, Object>> allOrders() {
		return admin.get()
			.uri("/sandbox/orders")
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.block(TIMEOUT);
	}

	public void clearFaults() {
		admin.delete().uri("/sandbox/faults").retrieve().toBodilessEntity().block(TIMEOUT);
	}

	void advance(String caOrderId, Map<String, String> body) {
		admin.post()
			.uri("/sandbox/orders/{id}/advance", caOrderId)
			.bodyValue(body)
			.retrieve()
			.toBodilessEntity()
			.block(TIMEOUT);
	}

	@Override
	public void close() {
		context.close();
	}

}
