package com.rvssl.order.operations;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.Money;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.RefundIssued;
import com.rvssl.kit.test.ProbeAssertions;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * What the probes and Prometheus see of the service: readiness with its dependencies,
 * business metrics.
 */
class OperationsIntegrationTests extends OrderServiceIntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void readinessReportsKafkaAndMongoWhileLivenessChecksOnlyTheProcess() {
		ProbeAssertions.assertReadinessFollowsKafkaAndMongoWhileLivenessChecksOnlyTheProcess(http);
		// and nothing else at all: this service's liveness group is the process alone
		JsonNode liveness = http.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(liveness.path("components").propertyNames()).containsExactly("livenessState");
	}

	@Test
	void anUnreadableRecordIsCountedOnceAsADeadLetterOfItsTopic() throws Exception {
		double before = deadLetters();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.ORDERS, "poison-" + UUID.randomUUID(), "{not an event".getBytes()))
				.get(10, TimeUnit.SECONDS);
		}

		await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(deadLetters()).isEqualTo(before + 1));
		// a readable event that is applied is no dead letter
		registerReseller();
		assertThat(deadLetters()).isEqualTo(before + 1);
	}

	@Test
	void anIssuedOrderShowsItsRevenueItsTimeToIssueAndItsStateForItsReseller() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		JsonNode placed = placeOrder(reseller,
				dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)))
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String orderId = placed.path("id").asString();
		String other = uniqueDomain();
		placeOrder(reseller, dvOrder(other, TestCertificates.csr(TestCertificates.rsa2048(), other))).expectStatus()
			.isCreated();

		issue(reseller, orderId, domain);

		assertThat(revenue(reseller, "wholesale")).isEqualTo(placed.at("/price/wholesale/amount").asLong() / 100.0);
		assertThat(revenue(reseller, "retail")).isEqualTo(placed.at("/price/retail/amount").asLong() / 100.0);
		Timer timeToIssue = meters.find("rvssl.orders.time.to.issue").tag("resellerId", reseller.id()).timer();
		assertThat(timeToIssue).isNotNull();
		assertThat(timeToIssue.count()).isEqualTo(1);
		// a finished order is counted when it finishes; the gauge shows the orders in
		// flight, here the second order, still placed
		await().atMost(10, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(meters.find("rvssl.orders.finished")
				.tags("resellerId", reseller.id(), "state", "ISSUED", "product", "rapidssl-dv")
				.counter()).isNotNull().extracting((counter) -> counter.count()).isEqualTo(1.0));
		await().atMost(60, TimeUnit.SECONDS)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(meters.find("rvssl.orders.by.state")
				.tag("resellerId", reseller.id())
				.gauges()
				.stream()
				.collect(Collectors.toMap((gauge) -> gauge.getId().getTag("state"), Gauge::value)))
				.containsOnly(entry("PLACED", 1.0)));
	}

	@Test
	void aRefundIsCountedApartFromTheRevenueOfThePaidOrder() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		JsonNode placed = placeOrder(reseller,
				dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)))
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String orderId = placed.path("id").asString();
		publish(orderId, reseller.id(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD")));
		awaitOrderState(reseller, orderId, "PAID");

		publish(orderId, reseller.id(), new RefundIssued(Money.of(900, "USD"), Money.of(900, "USD")));

		await().atMost(30, TimeUnit.SECONDS)
			.untilAsserted(() -> assertThat(meters.find("rvssl.orders.refunds")
				.tags("resellerId", reseller.id(), "price", "wholesale")
				.counter()).isNotNull().extracting((counter) -> counter.count()).isEqualTo(9.0));
		assertThat(meters.get("rvssl.orders.refunds")
			.tags("resellerId", reseller.id(), "price", "retail")
			.counter()
			.count()).isEqualTo(placed.at("/price/retail/amount").asLong() / 100.0);
		assertThat(revenue(reseller, "wholesale")).isEqualTo(placed.at("/price/wholesale/amount").asLong() / 100.0);
	}

	private double deadLetters() {
		return meters.get("rvssl.kafka.dead.letters")
			.tag("topic", Topics.deadLetterOf(Topics.ORDERS))
			.counter()
			.count();
	}

	private double revenue(TestReseller reseller, String price) {
		return meters.get("rvssl.orders.revenue")
			.tags("resellerId", reseller.id(), "currency", "USD", "price", price)
			.counter()
			.count();
	}

}
