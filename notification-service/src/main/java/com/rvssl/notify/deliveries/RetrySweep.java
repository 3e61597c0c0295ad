package com.rvssl.notify.deliveries;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every sweep interval, claims the deliveries whose next attempt is due and tries each once more.
 * It also finishes deliveries whose first attempt was cut short by a crash: their claim simply
 * runs out and they become due.
 */
@Component
class RetrySweep implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RetrySweep.class);

	private static final int BATCH = 50;

	private static final int CONCURRENCY = 16;

	private final Deliveries deliveries;

	private final DeliveryDispatch dispatch;

	private final DeliveryProperties properties;

	private volatile Disposable loop;

	RetrySweep(Deliveries deliveries, DeliveryDispatch dispatch, DeliveryProperties properties) {
		this.deliveries = deliveries;
		this.dispatch = dispatch;
		this.properties = properties;
	}

	@Override
	public void start() {
		loop = Flux.interval(properties.sweepInterval())
			.onBackpressureDrop()
			.concatMap(tick -> sweepOnce().onErrorResume(ex -> {
				log.warn("delivery retry sweep failed, trying again: {}", ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable running = loop;
		if (running != null) {
			running.dispose();
		}
		loop = null;
	}

	@Override
	public boolean isRunning() {
		return loop != null && !loop.isDisposed();
	}

	Mono<Void> sweepOnce() {
		Instant now = Instant.now();
		return deliveries.due(now, BATCH)
			.concatMap(due -> deliveries.claim(due.id(), now, now.plus(properties.sendLease())))
			// attempts side by side: one hung webhook receiver or slow SMTP dialogue holds only itself
			.flatMap(dispatch::attempt, CONCURRENCY)
			.then();
	}

}
