package com.rvssl.order.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /api/v1/orders/{id}/events: the current status, then every change, ending with a
 * final state.
 */
class OrderStatusStreamIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void theStreamStartsWithTheCurrentStatusFollowsEachChangeAndEndsWhenTheOrderIsFinal() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = placeOrder(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)))
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("id")
			.asString();

		List<String> states = new CopyOnWriteArrayList<>();
		List<Boolean> completed = new CopyOnWriteArrayList<>();
		Disposable subscription = http.get()
			.uri("/api/v1/orders/{id}/events", orderId)
			.header("Authorization", "Bearer " + reseller.key())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
			})
			.getResponseBody()
			.subscribe((event) -> states.add(event.data().path("state").asString()), (error) -> {
			}, () -> completed.add(true));
		try {
			awaitStreamed(states, "PLACED");
			publish(orderId, reseller.id(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD")));
			awaitStreamed(states, "PAID");
			publish(orderId, reseller.id(), new CertificateSubmitted(CertificateAuthority.DIGICERT, "DC-sse"));
			awaitStreamed(states, "SUBMITTED");
			publish(orderId, reseller.id(), new CertificateRejected("domain blocklisted"));
			awaitStreamed(states, "REJECTED");

			await().atMost(10, TimeUnit.SECONDS).until(() -> !completed.isEmpty());
			assertThat(states).containsExactly("PLACED", "PAID", "SUBMITTED", "REJECTED");
		}
		finally {
			subscription.dispose();
		}
	}

	private static void awaitStreamed(List<String> states, String state) {
		await().atMost(20, TimeUnit.SECONDS).until(() -> states.contains(state));
	}

}
