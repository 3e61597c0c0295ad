package com.rvssl.notify.deliveries;

import java.time.Instant;

import com.rvssl.kit.work.RepeatingWork;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Every sweep interval, claims the deliveries whose next attempt is due and tries each
 * once more. It also finishes deliveries whose first attempt was cut short by a crash:
 * their claim simply runs out and they become due.
 */
@Component
class RetrySweep extends RepeatingWork {

	private static final int BATCH = 50;

	private static final int CONCURRENCY = 16;

	private final Deliveries deliveries;

	private final DeliveryDispatch dispatch;

	private final DeliveryProperties properties;

	RetrySweep(Deliveries deliveries, DeliveryDispatch dispatch, DeliveryProperties properties) {
		super("delivery retry sweep", properties.sweepInterval(), properties.sweepInterval());
		this.deliveries = deliveries;
		this.dispatch = dispatch;
		this.properties = properties;
	}

	@Override
	protected Mono<Void> round() {
		Instant now = Instant.now();
		return deliveries.due(now, BATCH)
			.concatMap(due -> deliveries.claim(due.id(), now, now.plus(properties.sendLease())))
			// attempts side by side: one hung webhook receiver or slow SMTP dialogue
			// holds only itself
			.flatMap(dispatch::attempt, CONCURRENCY)
			.then();
	}

}
