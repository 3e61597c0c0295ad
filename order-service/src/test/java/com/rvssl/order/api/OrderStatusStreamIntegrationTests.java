package com.rvssl.order.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.orders.Order;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.FluxExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doReturn;

/**
 * GET /api/v1/orders/{id}/events: the current status, then every change, ending with a
 * final state; changes come from the service's own writes, and a key holds a bounded
 * number of streams.
 */
class OrderStatusStreamIntegrationTests extends OrderServiceIntegrationTest {

	@Value("${rvssl.api.events.max-streams-per-key:5}")
	int maxStreamsPerKey;

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

	@Test
	void aChangeAppliedByTheKafkaListenerReachesTheStreamFromTheWriteNotFromReReadingTheOrder() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = placed(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));
		// every later read of the order answers the order as placed: a stream that polled
		// MongoDB would never see it paid, one fed by the listener's write does
		Order asPlaced = orders.findById(orderId).block();
		doReturn(Mono.just(asPlaced)).when(orders).findById(orderId);

		Stream stream = openStream(reseller, orderId);
		try {
			awaitStreamed(stream.states(), "PLACED");
			publish(orderId, reseller.id(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD")));
			awaitStreamed(stream.states(), "PAID");
			assertThat(stream.states()).containsExactly("PLACED", "PAID");
		}
		finally {
			stream.close();
		}
	}

	@Test
	void aKeyHoldsAtMostItsCapOfStreamsAClosedStreamFreesItsSlotAndOtherKeysAreUnaffected() {
		TestReseller busy = registerReseller();
		TestReseller neighbour = registerReseller();
		String orderId = placed(busy, dvOrder(uniqueDomain(), null));
		String neighboursOrder = placed(neighbour, dvOrder(uniqueDomain(), null));
		List<Stream> open = new ArrayList<>();
		try {
			for (int i = 0; i < maxStreamsPerKey; i++) {
				open.add(openStream(busy, orderId));
			}

			EntityExchangeResult<JsonNode> refused = http.get()
				.uri("/api/v1/orders/{id}/events", orderId)
				.header("Authorization", "Bearer " + busy.key())
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.expectStatus()
				.isEqualTo(429)
				.expectBody(JsonNode.class)
				.returnResult();
			assertProblem(refused, 429, "too-many-streams");
			assertThat(refused.getResponseBody().path("detail").asString())
				.contains(Integer.toString(maxStreamsPerKey));

			Stream neighbours = openStream(neighbour, neighboursOrder);
			open.add(neighbours);
			awaitStreamed(neighbours.states(), "AWAITING_CONFIGURATION");

			open.remove(0).close();
			open.add(await().atMost(20, TimeUnit.SECONDS)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> tryStream(busy, orderId), Objects::nonNull));
		}
		finally {
			open.forEach(Stream::close);
		}
	}

	private Stream openStream(TestReseller reseller, String orderId) {
		Stream stream = tryStream(reseller, orderId);
		assertThat(stream).as("a stream of %s", orderId).isNotNull();
		return stream;
	}

	/** An open stream of the order, or null when it is refused. */
	private Stream tryStream(TestReseller reseller, String orderId) {
		FluxExchangeResult<ServerSentEvent<JsonNode>> result = http.get()
			.uri("/api/v1/orders/{id}/events", orderId)
			.header("Authorization", "Bearer " + reseller.key())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
			});
		if (result.getStatus().value() != 200) {
			result.getResponseBody().subscribe((ignored) -> {
			}, (ignored) -> {
			});
			return null;
		}
		List<String> states = new CopyOnWriteArrayList<>();
		Disposable subscription = result.getResponseBody()
			.filter((event) -> event.data() != null)
			.subscribe((event) -> states.add(event.data().path("state").asString()), (error) -> {
			});
		return new Stream(states, subscription);
	}

	/** The states a stream has sent so far; closing it drops the connection. */
	private record Stream(List<String> states, Disposable subscription) {

		void close() {
			subscription.dispose();
		}

	}

	private static void awaitStreamed(List<String> states, String state) {
		await().atMost(20, TimeUnit.SECONDS).until(() -> states.contains(state));
	}

}
