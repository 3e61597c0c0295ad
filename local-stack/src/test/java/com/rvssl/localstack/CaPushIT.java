package com.rvssl.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.rvssl.kit.test.TestCertificates;
import com.rvssl.localstack.PlatformCalls.Reply;

import static com.rvssl.localstack.PlatformCalls.awaitOrder;
import static com.rvssl.localstack.PlatformCalls.call;
import static com.rvssl.localstack.PlatformCalls.sandbox;
import static com.rvssl.localstack.PlatformCalls.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CAs' pushes end to end on the running platform: the sandbox posts a Sectigo status
 * push or a DigiCert webhook to status-sync, which checks the order at once through the
 * gateway. Sectigo orders are polled at most every three hours, so a Sectigo order issued
 * within seconds of its proof was found by the push; with DigiCert's webhooks switched
 * off, polling still finds the issued certificate (the safety net).
 */
@ExtendWith(RunningPlatform.class)
class CaPushIT {

	/**
	 * Generous for a loaded machine, yet far below Sectigo's three-hour polling interval.
	 */
	private static final Duration PUSH_PATIENCE = Duration.ofSeconds(90);

	/**
	 * Getting an order to the CA and checked once: several services on two shared cores.
	 */
	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static LocalStack stack;

	@BeforeAll
	static void useThePlatform() {
		stack = RunningPlatform.stack();
	}

	@AfterEach
	void pushesBackOn() {
		sandbox("DELETE", "/sandbox/push", null);
	}

	@Test
	void aSectigoOrderIsIssuedWithinSecondsOfItsProofAlthoughSectigoIsPolledOnlyEveryThreeHours() {
		String domain = uniqueDomain("sectigo-push");
		String orderId = placeOrder("positivessl-dv", domain, Map.of("method", "DNS"));

		String caOrderId = awaitOrder(orderId, PATIENCE, order -> order.hasNonNull("caOrderId")).get("caOrderId")
			.asString();

		// status sync's own promise for this order: its first look at Sectigo is hours
		// away
		String schedule = stack.url(PlatformService.STATUS_SYNC) + "/internal/v1/tracked/" + orderId + "/schedule";
		JsonNode promise = await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(500))
			// an internal API: the operator's key (the service key is the services' own)
			.until(() -> call("GET", schedule, stack.credentials().operatorKey(), null), reply -> reply.status() == 200)
			.body();
		assertThat(Duration.parse(promise.get("changeSeenWithin").asString()))
			.isGreaterThanOrEqualTo(Duration.ofHours(3));

		// the proof the sandbox wants (the order's CNAME), published in its test DNS
		JsonNode proof = call("GET", stack.sandboxUrl() + "/sandbox/orders/" + caOrderId, null, null).body()
			.at("/dcv/0");
		assertThat(proof.get("method").asString()).isEqualTo("DNS_CNAME");
		sandbox("PUT", "/sandbox/dns", Map.of("name", proof.get("target").asString(), "type", "CNAME", "value",
				proof.get("value").asString()));

		JsonNode issued = awaitOrder(orderId, PUSH_PATIENCE, order -> "ISSUED".equals(order.get("state").asString()));
		assertThat(issued.at("/certificate/serialNumber").asString()).isNotBlank();
		assertThat(issued.at("/views/client/status").asString()).isEqualTo("Issued");
	}

	@Test
	void aDigicertOrderIsStillIssuedByPollingWhileDigicertWebhooksAreSwitchedOff() {
		sandbox("POST", "/sandbox/push", Map.of("api", "digicert", "mode", "OFF"));
		JsonNode controls = call("GET", stack.sandboxUrl() + "/sandbox/push", null, null).body();
		assertThat(controls.toString()).as("push controls").contains("OFF");

		String domain = uniqueDomain("digicert-poll");
		String orderId = placeOrder("rapidssl-dv", domain,
				Map.of("method", "EMAIL", "approverEmail", "admin@" + domain));

		JsonNode issued = awaitOrder(orderId, PATIENCE, order -> "ISSUED".equals(order.get("state").asString()));
		assertThat(issued.at("/certificate/serialNumber").asString()).isNotBlank();
	}

	// --- the order a WHMCS addon places

	private static String placeOrder(String product, String domain, Map<String, Object> dcv) {
		Map<String, Object> body = Map.of("productCode", product, "termMonths", 12, "domains", List.of(domain),
				"whmcsServiceId", "whmcs-" + domain, "customer",
				Map.of("name", "Ann Lee", "email", "push-" + domain + "@customer.example"), "csr",
				TestCertificates.csr(TestCertificates.rsa2048(), domain), "dcv", dcv);
		Reply reply = call("POST", stack.url(PlatformService.ORDER) + "/api/v1/orders",
				stack.credentials().resellerKey(), body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(reply.status()).as("create order: %s", reply.body()).isEqualTo(201);
		return reply.body().get("id").asString();
	}

}
