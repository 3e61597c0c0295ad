package com.rvssl.order.orders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/**
 * An event whose conditional write loses the race to a concurrent change of its order (a
 * reseller's request landing between the read and the write) is decided again on the
 * order as it now is: never dropped, never applied twice. The race is made deterministic:
 * the real store, spied, lets a real reseller request change the order just before the
 * event's own write.
 */
class IncomingEventsIntegrationTests extends OrderServiceIntegrationTest {

	@Autowired
	private OrderDesk desk;

	@Test
	void aCertificateIssuedThatLosesTheRaceToADcvResendIsStillAppliedExactlyOnce() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = pendingValidation(reseller, domain);
		EventEnvelope issued = envelope(orderId, reseller, certificateIssued(orderId, domain));
		AtomicInteger writes = new AtomicInteger();
		doAnswer(firstLosing(1, writes, () -> desk.resendDcv(reseller.id(), orderId))).when(orders)
			.apply(any(), eq(issued.eventId().toString()), any(), any());

		send(issued);

		JsonNode order = awaitOrderState(reseller, orderId, "ISSUED");
		assertThat(notes(order)).filteredOn((note) -> note.startsWith("Approval email resend requested")).hasSize(1);
		assertThat(notes(order)).filteredOn((note) -> note.startsWith("Certificate issued")).hasSize(1);
		assertThat(writes).as("the write that lost, then the one that won").hasValue(2);
		assertThat(orders.findById(orderId).block(Duration.ofSeconds(5)).appliedEventIds())
			.containsOnlyOnce(issued.eventId().toString());
	}

	@Test
	void aLateEventThatLosesTheRaceToAReissueIsStillRemembered() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = placed(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));
		issue(reseller, orderId, domain);
		String csr = TestCertificates.csr(TestCertificates.rsa2048(), domain);
		EventEnvelope late = envelope(orderId, reseller, new CertificateValidationUpdated("pending", "too late"));
		AtomicInteger writes = new AtomicInteger();
		doAnswer(firstLosing(1, writes, () -> desk.reissue(reseller.id(), orderId, (order) -> csr))).when(orders)
			.rememberStale(any(), eq(late.eventId().toString()));

		send(late);

		await().atMost(20, TimeUnit.SECONDS)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> orders.findById(orderId)
				.map((order) -> order.hasApplied(late.eventId().toString()))
				.block(Duration.ofSeconds(5)));
		JsonNode order = order(reseller, orderId);
		assertThat(order.path("state").asString()).isEqualTo("ISSUED");
		assertThat(notes(order)).filteredOn((note) -> note.startsWith("Reissue requested")).hasSize(1);
		assertThat(notes(order)).noneMatch((note) -> note.contains("too late"));
		assertThat(writes).as("the write that lost, then the one that won").hasValue(2);
	}

	@Test
	void anEventThatKeepsLosingTheRaceGoesToTheDeadLetterTopicInsteadOfBeingDropped() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = pendingValidation(reseller, domain);
		EventEnvelope issued = envelope(orderId, reseller, certificateIssued(orderId, domain));
		doAnswer(firstLosing(Integer.MAX_VALUE, new AtomicInteger(), () -> desk.resendDcv(reseller.id(), orderId)))
			.when(orders)
			.apply(any(), eq(issued.eventId().toString()), any(), any());

		send(issued);

		List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(30, TimeUnit.SECONDS)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> deadLettersOf(issued), (found) -> !found.isEmpty());
		assertThat(header(deadLetters.get(0), "kafka_dlt-exception-message")).contains("lost the race");
		assertThat(order(reseller, orderId).path("state").asString()).isEqualTo("PENDING_VALIDATION");
	}

	@Test
	void anEventForAnOrderThatDoesNotExistIsIgnoredWithoutRetriesOrADeadLetter() {
		TestReseller reseller = registerReseller();
		String orderId = UUID.randomUUID().toString();
		EventEnvelope issued = envelope(orderId, reseller, certificateIssued(orderId, uniqueDomain()));

		send(issued);

		verify(orders, timeout(20_000)).findById(orderId);
		// longer than the listener's retries would take before dead-lettering
		await().during(Duration.ofSeconds(5)).atMost(10, TimeUnit.SECONDS).until(() -> deadLettersOf(issued).isEmpty());
		verify(orders).findById(orderId);
		assertThat(orders.findById(orderId).block(Duration.ofSeconds(5))).isNull();
	}

	/**
	 * The real write, but the first {@code losing} times only after {@code concurrent}
	 * has changed the order: the write then names a version that is gone.
	 */
	private static Answer<Mono<Order>> firstLosing(int losing, AtomicInteger writes, Supplier<Mono<Order>> concurrent) {
		return (invocation) -> {
			@SuppressWarnings("unchecked")
			Mono<Order> write = (Mono<Order>) invocation.callRealMethod();
			return (writes.incrementAndGet() <= losing) ? concurrent.get().then(write) : write;
		};
	}

	/** A DV order validated by email that the CA is validating. */
	private String pendingValidation(TestReseller reseller, String domain) {
		String orderId = placed(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));
		submit(reseller, orderId);
		publish(orderId, reseller.id(), new CertificateValidationUpdated("pending", "approval email sent"));
		awaitOrderState(reseller, orderId, "PENDING_VALIDATION");
		return orderId;
	}

	private static CertificateIssued certificateIssued(String orderId, String domain) {
		return certificateIssued(orderId, TestCertificates.chainFor(domain));
	}

	private static EventEnvelope envelope(String orderId, TestReseller reseller, OrderEvent event) {
		return EventEnvelope.of(orderId, reseller.id(), orderId, event);
	}

	private static List<ConsumerRecord<String, byte[]>> deadLettersOf(EventEnvelope event) {
		return events().deadLetters(Topics.ORDERS)
			.stream()
			.filter((record) -> event.key().equals(record.key()))
			.filter((record) -> new String(record.value(), StandardCharsets.UTF_8).contains(event.eventId().toString()))
			.toList();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "";
	}

	private static List<String> notes(JsonNode order) {
		return order.path("timeline").valueStream().map((entry) -> entry.path("note").asString()).toList();
	}

}
