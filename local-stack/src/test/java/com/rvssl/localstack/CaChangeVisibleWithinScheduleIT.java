package com.rvssl.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.rvssl.kit.test.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A change made at the CA shows in the order's views within what status sync's schedule
 * promises. The order is OV (the sandbox leaves OV orders pending until its operator
 * moves them, unlike DV, which it approves by itself after a second here), so the change
 * happens exactly when the test makes it. The promise comes from status sync itself
 * ({@code /internal/v1/tracked/{id}/schedule}: the order's current interval between
 * checks plus one poll, from its configuration); the test adds only the time the check
 * itself and the event's way through Kafka to order-service take.
 */
@ExtendWith(RunningPlatform.class)
class CaChangeVisibleWithinScheduleIT {

	/**
	 * Not part of the schedule: the check's own calls (gateway, CA, certificate
	 * download), then the event from status sync's outbox through the broker to
	 * order-service, on a busy shared machine.
	 */
	private static final Duration CHECK_AND_DELIVERY = Duration.ofSeconds(15);

	private static final PlatformClient http = new PlatformClient();

	private static LocalStack stack;

	@BeforeAll
	static void useThePlatform() {
		stack = RunningPlatform.stack();
	}

	@Test
	void anOvOrderApprovedAtTheCaShowsAsIssuedWithinTheSchedulesBound() {
		String domain = "ov-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
		String key = stack.credentials().resellerKey();
		String orderId = placeOvOrder(key, domain);
		JsonNode pending = await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> order(key, orderId), order -> "PENDING_VALIDATION".equals(order.get("state").asString()));
		String caOrderId = pending.get("caOrderId").asString();
		String clientViewBefore = pending.at("/views/client/status").asString();

		String schedule = stack.url(PlatformService.STATUS_SYNC) + "/internal/v1/tracked/" + orderId + "/schedule";
		JsonNode promise = await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(500))
			// an internal API: the operator's key (the service key is the services' own)
			.until(() -> http.get(schedule, stack.credentials().operatorKey()), reply -> reply.status() == 200)
			.body();
		Duration changeSeenWithin = Duration.parse(promise.get("changeSeenWithin").asString());
		Duration bound = changeSeenWithin.plus(CHECK_AND_DELIVERY);
		assertThat(promise.get("validation").asString()).isEqualTo("OV");

		long changedAt = System.nanoTime();
		PlatformClient.Reply advanced = http.post(stack.sandboxUrl() + "/sandbox/orders/" + caOrderId + "/advance",
				null, Map.of("to", "issued"), Map.of());
		assertThat(advanced.status()).as("advance at the sandbox: %s", advanced.body()).isEqualTo(200);

		JsonNode issued = await().atMost(bound)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> order(key, orderId), order -> "ISSUED".equals(order.get("state").asString()));
		Duration seenAfter = Duration.ofNanos(System.nanoTime() - changedAt);
		System.out.printf(
				"%nCA change seen in the order's views after %d ms (schedule promises %s, + %s for the"
						+ " check and the event's delivery)%n",
				seenAfter.toMillis(), changeSeenWithin, CHECK_AND_DELIVERY);
		assertThat(issued.at("/views/provider/status").asString()).isEqualTo("Complete");
		assertThat(issued.at("/views/client/status").asString()).isNotEqualTo(clientViewBefore);
		assertThat(issued.at("/certificate/serialNumber").asString()).isNotBlank();
	}

	private static String placeOvOrder(String key, String domain) {
		String csr = TestCertificates.csr(TestCertificates.rsa2048(), domain);
		Map<String, Object> organization = Map.of("name", "Example Widgets Ltd", "country", "GB", "city", "London",
				"address", "1 High Street", "phone", "+44 20 7946 0000", "contact",
				Map.of("name", "Ann Lee", "email", "ann@" + domain, "phone", "+44 20 7946 0001"));
		Map<String, Object> body = Map.of("productCode", "digicert-ov", "termMonths", 12, "domains", List.of(domain),
				"whmcsServiceId", "whmcs-" + domain, "customer", Map.of("name", "Ann Lee", "email", "ann@" + domain),
				"csr", csr, "dcv", Map.of("method", "EMAIL", "approverEmail", "admin@" + domain), "organization",
				organization);
		// on a starved machine a call may time out: the same Idempotency-Key makes a
		// retry safe
		String idempotencyKey = UUID.randomUUID().toString();
		PlatformClient.Reply reply = await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> http.post(stack.url(PlatformService.ORDER) + "/api/v1/orders", key, body,
					Map.of("Idempotency-Key", idempotencyKey)), placed -> placed.status() < 500);
		assertThat(reply.status()).as("create order: %s", reply.body()).isIn(200, 201);
		return reply.body().get("id").asString();
	}

	private static JsonNode order(String key, String orderId) {
		PlatformClient.Reply reply = http.get(stack.url(PlatformService.ORDER) + "/api/v1/orders/" + orderId, key);
		assertThat(reply.status()).isEqualTo(200);
		return reply.body();
	}

}
