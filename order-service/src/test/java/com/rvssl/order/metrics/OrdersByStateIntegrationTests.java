package com.rvssl.order.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.SubmissionFailed;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.order.orders.Order;
import com.rvssl.order.orders.OrderState;
import com.rvssl.order.orders.OrderStore;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The orders-by-state gauge counts the orders in flight only, through the state index:
 * its periodic count reads the orders under way, never the finished ones, however many
 * there are.
 */
class OrdersByStateIntegrationTests extends OrderServiceIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private OrdersByState ordersByState;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void theGaugeReportsTheOrdersInFlightAndNoFinishedOne() {
		TestReseller reseller = registerReseller();
		placedDv(reseller, uniqueDomain());
		String waiting = placedDv(reseller, uniqueDomain());
		publish(waiting, reseller.id(), new CreditInsufficient(Money.of(900, "USD"), Money.of(0, "USD")));
		awaitOrderState(reseller, waiting, "WAITING_FOR_PAYMENT");
		String domain = uniqueDomain();
		issue(reseller, placedDv(reseller, domain), domain);
		String rejected = placedDv(reseller, uniqueDomain());
		publish(rejected, reseller.id(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD")));
		awaitOrderState(reseller, rejected, "PAID");
		publish(rejected, reseller.id(), new SubmissionFailed("invalid csr", 1, false));
		awaitOrderState(reseller, rejected, "REJECTED");
		Map<String, Object> unconfigured = new LinkedHashMap<>(dvOrder(uniqueDomain(), null));
		unconfigured.remove("dcv");
		String cancelled = placed(reseller, unconfigured);
		JsonNode afterCancel = call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + cancelled + "/cancel", null)
			.getResponseBody();
		assertThat(afterCancel.path("state").asString()).isEqualTo("CANCELLED");

		ordersByState.count().block(WAIT);

		assertThat(rowsOf(reseller.id())).containsOnly(entry("PLACED", 1.0), entry("WAITING_FOR_PAYMENT", 1.0));
	}

	@Test
	void theCountReadsTheOrdersInFlightThroughTheStateIndexNotTheFinishedOnes() {
		// the first count makes the store's indexes, as the first write does
		ordersByState.count().block(WAIT);
		IndexInfo stateIndex = mongo.indexOps(Order.class)
			.getIndexInfo()
			.filter((index) -> index.getName().equals(OrderStore.STATE_INDEX))
			.blockFirst(WAIT);
		assertThat(stateIndex).as("index %s on orders", OrderStore.STATE_INDEX).isNotNull();
		assertThat(stateIndex.getIndexFields().get(0).getKey()).isEqualTo("state");

		// many past orders of one reseller, all finished long ago
		String resellerId = "reseller-history-" + UUID.randomUUID();
		int finished = 4_000;
		List<Document> history = new ArrayList<>(finished);
		List<OrderState> finalStates = List.of(OrderState.ISSUED, OrderState.REJECTED, OrderState.CANCELLED);
		for (int i = 0; i < finished; i++) {
			String id = resellerId + "-" + i;
			history.add(new Document("_id", id).append("resellerId", resellerId)
				.append("productCode", "rapidssl-dv")
				.append("state", finalStates.get(i % finalStates.size()).name())
				.append("idempotencyKey", "order:" + id)
				.append("version", 1L));
		}
		mongo.insert(history, Order.COLLECTION).then().block(WAIT);
		try {
			OptionalLong examinedBefore = TestInfrastructure.mongoDocumentsExamined();
			long usesBefore = examinedBefore.isPresent() ? 0 : stateIndexUses();

			ordersByState.count().block(WAIT);

			if (examinedBefore.isPresent()) {
				// the embedded server counts what it reads: a scan would read every
				// finished order (and every other one)
				assertThat(TestInfrastructure.mongoDocumentsExamined().getAsLong() - examinedBefore.getAsLong())
					.as("documents examined")
					.isLessThan(finished / 2);
			}
			else {
				assertThat(stateIndexUses()).isGreaterThan(usesBefore);
			}
			assertThat(rowsOf(resellerId)).isEmpty();
		}
		finally {
			mongo.remove(Query.query(Criteria.where("resellerId").is(resellerId)), Order.COLLECTION).block(WAIT);
		}
	}

	private String placedDv(TestReseller reseller, String domain) {
		return placed(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));
	}

	/** The gauge's rows of a reseller: state to orders. */
	private Map<String, Double> rowsOf(String resellerId) {
		return meters.find("rvssl.orders.by.state")
			.tag("resellerId", resellerId)
			.gauges()
			.stream()
			.collect(Collectors.toMap((gauge) -> gauge.getId().getTag("state"), Gauge::value));
	}

	/** How often a real MongoDB used the state index so far ({@code $indexStats}). */
	private long stateIndexUses() {
		return mongo
			.aggregate(Aggregation.newAggregation((context) -> new Document("$indexStats", new Document())),
					Order.COLLECTION, Document.class)
			.filter((stats) -> OrderStore.STATE_INDEX.equals(stats.getString("name")))
			.map((stats) -> ((Number) stats.get("accesses", Document.class).get("ops")).longValue())
			.blockFirst(WAIT);
	}

}
