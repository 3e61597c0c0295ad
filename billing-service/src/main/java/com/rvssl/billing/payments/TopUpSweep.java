package com.rvssl.billing.payments;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code rvssl.payments.sweep-interval}: pending payments older than
 * {@code rvssl.payments.expire-after} become EXPIRED, and credits a crash interrupted
 * (top-ups left CREDITING) are completed. Both read the (state, createdAt) index, a batch
 * at a time, never the whole collection.
 */
@Component
public class TopUpSweep {

	static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(TopUpSweep.class);

	private final TopUpStore store;

	private final TopUpCrediting crediting;

	private final PaymentProperties properties;

	private final Clock clock;

	TopUpSweep(TopUpStore store, TopUpCrediting crediting, PaymentProperties properties, Clock clock) {
		this.store = store;
		this.crediting = crediting;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${rvssl.payments.sweep-interval:PT1M}")
	public Mono<Void> sweep() {
		return expireCreatedBefore(clock.instant().minus(properties.expireAfter())).then(completeCredits())
			.onErrorResume((ex) -> {
				log.warn("Top-up sweep failed; the next one retries: {}", ex.toString());
				return Mono.empty();
			})
			.then();
	}

	/** Expires the payments still pending that were asked for before {@code cutoff}. */
	public Mono<Long> expireCreatedBefore(Instant cutoff) {
		return store.pendingCreatedBefore(cutoff, BATCH)
			.concatMap((topUp) -> store.move(topUp.id(), TopUpState.EXPIRED, null, TopUpState.PENDING_PAYMENT))
			.count()
			// a full batch may have more behind it
			.expand((expired) -> (expired == BATCH) ? store.pendingCreatedBefore(cutoff, BATCH)
				.concatMap((topUp) -> store.move(topUp.id(), TopUpState.EXPIRED, null, TopUpState.PENDING_PAYMENT))
				.count() : Mono.empty())
			.reduce(0L, Long::sum);
	}

	private Mono<Long> completeCredits() {
		return Flux.defer(() -> store.crediting(BATCH)).concatMap((topUp) -> crediting.credit(topUp)).count();
	}

}
