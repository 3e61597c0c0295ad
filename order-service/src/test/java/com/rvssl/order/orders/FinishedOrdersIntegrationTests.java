package com.rvssl.order.orders;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.RefundIssued;
import com.rvssl.contracts.events.SubmissionFailed;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;

/**
 * Finished orders ({@code rvssl.orders.finished}) are counted once per move into a final
 * state, by the write that made it: a redelivered event, a repeated cancel, a later event
 * that leaves the state as it is, or a write that lost a race counts nothing.
 */
class FinishedOrdersIntegrationTests extends OrderServiceIntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private OrderDesk desk;

	@Test
	void anIssuedOrderIsCountedOnceThoughItsCertificateIsRedelivered() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = submitted(reseller, domain);
		EventEnvelope issued = publish(orderId, reseller.id(), certificateIssued(orderId, domain));
		awaitOrderState(reseller, orderId, "ISSUED");
		awaitFinished(reseller, "ISSUED", 1);

		send(issued);
		// the order's events are read in order: once the refund shows, the redelivery
		// before it was handled
		publish(orderId, reseller.id(), new RefundIssued(Money.of(900, "USD"), Money.of(900, "USD")));
		awaitNote(reseller, orderId, "Refund of");

		assertThat(finished(reseller, "ISSUED")).isEqualTo(1);
		assertThat(finished(reseller, "CANCELLED")).isZero();
		assertThat(finished(reseller, "REJECTED")).isZero();
	}

	@Test
	void aRejectedOrderIsCountedOnceThoughTheFailureIsRedelivered() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = placed(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));
		publish(orderId, reseller.id(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD")));
		awaitOrderState(reseller, orderId, "PAID");
		EventEnvelope failed = publish(orderId, reseller.id(), new SubmissionFailed("invalid csr", 1, false));
		awaitOrderState(reseller, orderId, "REJECTED");
		awaitFinished(reseller, "REJECTED", 1);

		send(failed);
		publish(orderId, reseller.id(), new RefundIssued(Money.of(900, "USD"), Money.of(900, "USD")));
		awaitNote(reseller, orderId, "Refund of");

		assertThat(finished(reseller, "REJECTED")).isEqualTo(1);
	}

	@Test
	void anOrderCancelledOverTheApiIsCountedOnceHoweverOftenTheResellerCancels() {
		TestReseller reseller = registerReseller();
		Map<String, Object> unconfigured = new LinkedHashMap<>(dvOrder(uniqueDomain(), null));
		unconfigured.remove("dcv");
		String orderId = placed(reseller, unconfigured);

		for (int attempt = 0; attempt < 2; attempt++) {
			JsonNode cancelled = call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + orderId + "/cancel",
					Map.of("reason", "changed mind"))
				.getResponseBody();
			assertThat(cancelled.path("state").asString()).isEqualTo("CANCELLED");
		}

		assertThat(finished(reseller, "CANCELLED")).isEqualTo(1);
	}

	@Test
	void aFinalWriteThatLosesTheRaceIsCountedOnlyByTheWriteThatWins() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = submitted(reseller, domain);
		publish(orderId, reseller.id(), new CertificateValidationUpdated("pending", "approval email sent"));
		awaitOrderState(reseller, orderId, "PENDING_VALIDATION");
		EventEnvelope issued = EventEnvelope.of(orderId, reseller.id(), orderId, certificateIssued(orderId, domain));
		AtomicInteger writes = new AtomicInteger();
		// the first write of the certificate finds the order changed by a DCV resend
		doAnswer((invocation) -> {
			@SuppressWarnings("unchecked")
			Mono<Order> write = (Mono<Order>) invocation.callRealMethod();
			return (writes.incrementAndGet() == 1) ? desk.resendDcv(reseller.id(), orderId).then(write) : write;
		}).when(orders).apply(any(), eq(issued.eventId().toString()), any(), any());

		send(issued);

		awaitOrderState(reseller, orderId, "ISSUED");
		awaitFinished(reseller, "ISSUED", 1);
		assertThat(writes).as("the write that lost, then the one that won").hasValue(2);
		publish(orderId, reseller.id(), new RefundIssued(Money.of(900, "USD"), Money.of(900, "USD")));
		awaitNote(reseller, orderId, "Refund of");
		assertThat(finished(reseller, "ISSUED")).isEqualTo(1);
	}

	@Test
	void anIssuedOrderRevokedOnALateCancellationCountsAsIssuedAndAsCancelled() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = submitted(reseller, domain);
		JsonNode requested = call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + orderId + "/cancel",
				Map.of("reason", "changed mind"))
			.getResponseBody();
		assertThat(requested.at("/cancellation/status").asString()).isEqualTo("REQUESTED");
		publish(orderId, reseller.id(), certificateIssued(orderId, domain));
		awaitOrderState(reseller, orderId, "ISSUED");

		publish(orderId, reseller.id(), new CertificateCancelled("revoked within the refund window", true, "DC-1"));
		awaitOrderState(reseller, orderId, "CANCELLED");

		awaitFinished(reseller, "CANCELLED", 1);
		assertThat(finished(reseller, "ISSUED")).isEqualTo(1);
	}

	/** A configured DV order, paid and submitted to the CA. */
	private String submitted(TestReseller reseller, String domain) {
		String orderId = placed(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));
		submit(reseller, orderId);
		return orderId;
	}

	private static CertificateIssued certificateIssued(String orderId, String domain) {
		return certificateIssued(orderId, TestCertificates.chainFor(domain));
	}

	/**
	 * The counter moves just after the write the order's state already shows: awaited.
	 */
	private void awaitFinished(TestReseller reseller, String state, double expected) {
		await().atMost(10, TimeUnit.SECONDS)
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(finished(reseller, state)).isEqualTo(expected));
	}

	private void awaitNote(TestReseller reseller, String orderId, String note) {
		await().atMost(20, TimeUnit.SECONDS)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> order(reseller, orderId).path("timeline").toString().contains(note));
	}

	private double finished(TestReseller reseller, String state) {
		Counter counter = meters.find("rvssl.orders.finished")
			.tags("resellerId", reseller.id(), "state", state, "product", "rapidssl-dv")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
