package com.rvssl.order.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.rvssl.order.orders.OrderStore;
import com.rvssl.order.orders.OrderStore.StateCount;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * How many orders each reseller has in flight in each state, by product
 * ({@code rvssl.orders.by.state}), counted in MongoDB every
 * {@code rvssl.metrics.orders-by-state.refresh}. Only the states that are not final: a
 * periodic count of every order ever placed would cost more with every order, while the
 * orders in flight are bounded by the work under way and read through the state index.
 * Finished orders (issued, rejected, cancelled) are the counter
 * {@code rvssl.orders.finished} instead, counted as they finish. Counting from the store
 * (not from events seen by this replica) gives every replica the same, true figures;
 * Grafana takes the max over replicas. Cardinality is resellers x states in flight x
 * products actually used.
 */
@Component
class OrdersByState implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OrdersByState.class);

	private final OrderStore orders;

	private final MultiGauge gauge;

	private final Duration refresh;

	private volatile Disposable refreshing;

	OrdersByState(OrderStore orders, MeterRegistry registry,
			@Value("${rvssl.metrics.orders-by-state.refresh:15s}") Duration refresh) {
		this.orders = orders;
		this.refresh = refresh;
		this.gauge = MultiGauge.builder("rvssl.orders.by.state")
			.description("Orders in flight in each state, per reseller and product (counted in the store)")
			.register(registry);
	}

	/**
	 * Counts the orders in flight once and replaces the gauge's rows (states no order is
	 * in any more disappear).
	 */
	Mono<Void> count() {
		return orders.inFlightByState()
			.map(OrdersByState::row)
			.collectList()
			.doOnNext((rows) -> gauge.register(rows, true))
			.then();
	}

	private static MultiGauge.Row<Number> row(StateCount counted) {
		return MultiGauge.Row.of(
				Tags.of("resellerId", counted.resellerId(), "state", counted.state(), "product", counted.productCode()),
				counted.orders());
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
