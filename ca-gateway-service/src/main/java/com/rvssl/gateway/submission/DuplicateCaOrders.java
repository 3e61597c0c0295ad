package com.rvssl.gateway.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.gateway.adapters.CaAdapter;
import com.rvssl.gateway.adapters.CaAdapters;
import com.rvssl.gateway.adapters.CaRefusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One CA order per order, whatever the races: an attempt that placed an order at the CA
 * after losing its claim (the fenced write refused it) keeps that order as a stray on the
 * record; once the record has settled, every stray other than the order the record holds
 * is cancelled at the CA, so the reseller is charged once by the CA and one certificate
 * is issued. Each cancelled duplicate is logged and counted
 * ({@code rvssl.gateway.duplicate.ca.orders.cancelled}, by CA).
 */
@Component
class DuplicateCaOrders {

	private static final Logger log = LoggerFactory.getLogger(DuplicateCaOrders.class);

	private final SubmissionStore store;

	private final CaAdapters adapters;

	private final Map<CertificateAuthority, Counter> cancelled = new EnumMap<>(CertificateAuthority.class);

	private final Clock clock = Clock.systemUTC();

	DuplicateCaOrders(SubmissionStore store, CaAdapters adapters, MeterRegistry meters) {
		this.store = store;
		this.adapters = adapters;
		// registered up front, so an alert can watch the counter from zero
		for (CertificateAuthority ca : CertificateAuthority.values()) {
			this.cancelled.put(ca, Counter.builder("rvssl.gateway.duplicate.ca.orders.cancelled")
				.description("Second CA orders of the same order, placed by an attempt that had lost its claim, "
						+ "cancelled at the CA")
				.tag("ca", ca.name().toLowerCase(Locale.ROOT))
				.register(meters));
		}
	}

	/**
	 * An attempt got CA order {@code caOrderId} but its claim was gone: keeps the order
	 * as a stray unless the record holds it already; the sweep cancels it once the record
	 * has settled (one place that cancels, so a duplicate is cancelled and counted once).
	 */
	Mono<Void> claimLost(SubmissionRecord claimed, String caOrderId) {
		return store.noteStray(claimed.orderId(), caOrderId, now())
			.switchIfEmpty(Mono.fromRunnable(() -> log.info(
					"Order {}: CA order {} of an attempt that lost its claim is the one recorded (adopted)",
					claimed.orderId(), caOrderId)))
			.doOnNext(record -> log.warn(
					"Order {} got CA order {} from an attempt whose claim was gone (order now {}, CA order {}):"
							+ " a duplicate unless adopted, cancelled at the CA once the order settles",
					claimed.orderId(), caOrderId, record.state(), record.caOrderId()))
			.then();
	}

	/**
	 * Cancels the strays of up to {@code batch} settled records (SUBMITTED, FAILED or
	 * CANCELLED: no attempt in flight that might still adopt one); the number of records
	 * handled.
	 */
	Mono<Integer> sweep(int batch) {
		return store.withStrays(batch).concatMap(record -> cancelStrays(record).thenReturn(1)).reduce(0, Integer::sum);
	}

	private Mono<Void> cancelStrays(SubmissionRecord record) {
		return Flux.fromIterable(record.strayCaOrderIds()).concatMap(stray -> {
			if (stray.equals(record.caOrderId())) {
				return store.dropStray(record.orderId(), stray, now());
			}
			return cancelDuplicate(record, stray);
		}).then();
	}

	private Mono<Boolean> cancelDuplicate(SubmissionRecord record, String stray) {
		CaAdapter adapter = adapters.of(record.ca(), record.caAccount()).orElse(null);
		if (adapter == null) {
			return Mono.empty();
		}
		return adapter.cancel(stray, "Duplicate of order " + record.orderId() + " (placed twice)")
			.then(Mono.fromRunnable(() -> {
				cancelled.get(record.ca()).increment();
				log.warn("Order {}: duplicate CA order {} cancelled at {} (the order is {} as {})", record.orderId(),
						stray, record.ca(), record.state(), record.caOrderId());
			}))
			.then(store.dropStray(record.orderId(), stray, now()))
			.onErrorResume(CaRefusal.class, refusal -> {
				log.error("Order {}: {} refused to cancel duplicate CA order {}: {}", record.orderId(), record.ca(),
						stray, refusal.getMessage());
				return store.dropStray(record.orderId(), stray, now());
			})
			// CA unavailable: the stray stays, the next sweep tries again
			.onErrorResume(failure -> {
				log.warn("Order {}: duplicate CA order {} not cancelled yet: {}", record.orderId(), stray,
						failure.getMessage());
				return Mono.just(false);
			});
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
