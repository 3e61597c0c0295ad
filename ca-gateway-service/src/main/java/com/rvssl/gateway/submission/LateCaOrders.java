package com.rvssl.gateway.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.rvssl.gateway.adapters.CaAdapter;
import com.rvssl.gateway.adapters.CaAdapters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * CA orders made after their call was given up: a place cut short by its time limit or
 * the attempt's deadline (a slow CA, a lost reply) may still be carried out by the CA
 * after the next attempt looked the reference up and placed again. Once such a record has
 * settled and {@code rvssl.gateway.submission.late-order-window} has passed since its
 * last uncertain call ({@code referenceCheckAt}), the CA is searched for the reference
 * once more; every live CA order found other than the one the record holds becomes a
 * stray, cancelled at the CA by {@link DuplicateCaOrders} (a duplicate of a submitted
 * order, or an order cancelled or refused here).
 */
@Component
class LateCaOrders {

	private static final Logger log = LoggerFactory.getLogger(LateCaOrders.class);

	private final SubmissionStore store;

	private final CaAdapters adapters;

	private final SubmissionProperties properties;

	private final Clock clock = Clock.systemUTC();

	LateCaOrders(SubmissionStore store, CaAdapters adapters, SubmissionProperties properties) {
		this.store = store;
		this.adapters = adapters;
		this.properties = properties;
	}

	/** Searches the CA for up to {@code batch} due records; the number searched. */
	Mono<Integer> sweep(int batch) {
		return store.dueReferenceChecks(now(), batch)
			.concatMap(record -> check(record).thenReturn(1))
			.reduce(0, Integer::sum);
	}

	private Mono<Boolean> check(SubmissionRecord record) {
		CaAdapter adapter = adapters.of(record.ca(), record.caAccount()).orElse(null);
		if (adapter == null) {
			return store.referenceChecked(record, List.of(), now());
		}
		return adapter.findAllByReference(record.orderId())
			.filter(caOrderId -> !caOrderId.equals(record.caOrderId()))
			.collectList()
			.doOnNext(late -> {
				if (!late.isEmpty()) {
					log.warn("Order {} ({}, CA order {}): {} made CA order(s) {} late: cancelled as strays",
							record.orderId(), record.state(), record.caOrderId(), record.ca(), late);
				}
			})
			.flatMap(late -> store.referenceChecked(record, late, now()))
			.onErrorResume(failure -> {
				log.warn("Order {}: {} not searched for late orders yet: {}", record.orderId(), record.ca(),
						failure.getMessage());
				return store.postponeReferenceCheck(record, now().plus(properties.reattemptMax()), now());
			});
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
