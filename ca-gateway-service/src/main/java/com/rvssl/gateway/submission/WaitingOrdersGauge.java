package com.rvssl.gateway.submission;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.kit.work.RepeatingWork;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The queue of paid orders waiting for each CA
 * ({@code rvssl_gateway_orders_waiting{ca}}): those being submitted or waiting to be
 * retried, the backlog an outage builds. Counted from the submission records every few
 * seconds, so every replica reports the same shared figure.
 */
@Component
class WaitingOrdersGauge extends RepeatingWork {

	private static final Logger log = LoggerFactory.getLogger(WaitingOrdersGauge.class);

	private final SubmissionStore store;

	private final Map<CertificateAuthority, AtomicLong> waiting = new EnumMap<>(CertificateAuthority.class);

	WaitingOrdersGauge(SubmissionStore store, MeterRegistry meters,
			@Value("${rvssl.gateway.sweep.interval:PT5S}") Duration interval) {
		super("Counting waiting orders", Duration.ofSeconds(1), interval);
		this.store = store;
		for (CertificateAuthority ca : CertificateAuthority.values()) {
			AtomicLong count = new AtomicLong();
			waiting.put(ca, count);
			Gauge.builder("rvssl.gateway.orders.waiting", count, AtomicLong::get)
				.description("Paid orders not yet accepted by their CA (submitting or retrying)")
				.tag("ca", ca.name().toLowerCase(Locale.ROOT))
				.register(meters);
		}
	}

	@Override
	protected Mono<Void> round() {
		// a failed count keeps the last figures; not worth a warning every few seconds
		return Flux.fromIterable(waiting.keySet())
			.concatMap(ca -> store.countWaiting(ca).doOnNext(n -> waiting.get(ca).set(n)))
			.onErrorResume(failure -> {
				log.debug("Counting waiting orders failed: {}", failure.toString());
				return Flux.empty();
			})
			.then();
	}

	long waiting(CertificateAuthority ca) {
		return waiting.get(ca).get();
	}

}
