package com.rvssl.order.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.stereotype.Component;

/**
 * How many orders each reseller has in each state, by product
 * ({@code rvssl.orders.by.state}), counted in MongoDB every
 * {@code rvssl.metrics.orders-by-state.refresh}. Counting from the store (not from events
 * seen by this replica) gives every replica the same, true figures; Grafana takes the max
 * over replicas. Cardinality is resellers x states x products actually used.
 */
@Component
class OrdersByState implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OrdersByState.class);

	private final ReactiveMongoTemplate mongo;

	private final MultiGauge gauge;

	private final Duration refresh;

	private volatile Disposable refreshing;

	OrdersByState(ReactiveMongoTemplate mongo, MeterRegistry registry,
			@Value("${rvssl.metrics.orders-by-state.refresh:15s}") Duration refresh) {
		this.mongo = mongo;
		this.refresh = refresh;
		this.gauge = MultiGauge.builder("rvssl.orders.by.state")
			.description("Orders in each state, per reseller and product (counted in the store)")
			.register(registry);
	}

	/**
	 * Counts the orders once and replaces the gauge's rows (states no order is in any
	 * more disappear).
	 */
	Mono<Void> count() {
		Aggregation byState = Aggregation
			.newAggregation(Aggregation.group("resellerId", "state", "productCode").count().as("orders"));
		return mongo.aggregate(byState, "orders", Document.class)
			.map(OrdersByState::row)
			.collectList()
			.doOnNext((rows) -> gauge.register(rows, true))
			.then();
	}

	private static MultiGauge.Row<Number> row(Document counted) {
		Document key = counted.get("_id", Document.class);
		return MultiGauge.Row.of(
				Tags.of("resellerId", String.valueOf(key.get("resellerId")), "state", String.valueOf(key.get("state")),
						"product", String.valueOf(key.get("productCode"))),
				((Number) counted.get("orders")).longValue());
	}

	@Override
	public void start() {
		refreshing = Flux.interval(Duration.ZERO, refresh)
			.onBackpressureDrop()
			.concatMap((tick) -> count().onErrorResume((failure) -> {
				log.warn("Counting orders by state failed; the gauges keep their last values: {}", failure.toString());
				return Mono.empty();
			}), 0)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = refreshing;
		if (current != null) {
			current.dispose();
		}
		refreshing = null;
	}

	@Override
	public boolean isRunning() {
		return refreshing != null;
	}

}
