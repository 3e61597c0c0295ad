package com.rvssl.kit.work;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * A round of work repeated on a fixed period while the application runs: one round at a
 * time (a slow round delays the next instead of overlapping it), and a failed round is
 * logged and tried again next period, so the loop never dies.
 */
public abstract class RepeatingWork implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RepeatingWork.class);

	private final String name;

	private final Duration initialDelay;

	private final Duration period;

	private volatile Disposable loop;

	protected RepeatingWork(String name, Duration initialDelay, Duration period) {
		this.name = name;
		this.initialDelay = initialDelay;
		this.period = period;
	}

	/** One round of the work. */
	protected abstract Mono<Void> round();

	@Override
	public void start() {
		loop = Flux.interval(initialDelay, period).onBackpressureDrop().concatMap(tick -> round().onErrorResume(ex -> {
			log.warn("{} failed, trying again next time: {}", name, ex.toString());
			return Mono.empty();
		}), 1).subscribe();
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

}
