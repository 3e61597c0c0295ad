package com.rvssl.kit.work;

import java.time.Duration;

import com.rvssl.kit.clock.ClockAdvanced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * A round of work repeated on a fixed period while the application runs: one round at a
 * time (a slow round delays the next instead of overlapping it), and a failed round is
 * logged and tried again next period, so the loop never dies. {@link #runSoon()} asks for
 * a round now (at most one waits behind a running round); so does a move of the movable
 * clock ({@link ClockAdvanced}), since time-driven work may be due after it.
 */
public abstract class RepeatingWork implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RepeatingWork.class);

	private final String name;

	private final Duration initialDelay;

	private final Duration period;

	private volatile Disposable loop;

	private volatile Sinks.Many<Long> soon;

	protected RepeatingWork(String name, Duration initialDelay, Duration period) {
		this.name = name;
		this.initialDelay = initialDelay;
		this.period = period;
	}

	/** One round of the work. */
	protected abstract Mono<Void> round();

	@Override
	public void start() {
		Sinks.Many<Long> nudges = Sinks.many().multicast().directBestEffort();
		soon = nudges;
		loop = Flux.merge(Flux.interval(initialDelay, period), nudges.asFlux())
			.onBackpressureDrop()
			.concatMap(tick -> round().onErrorResume(ex -> {
				log.warn("{} failed, trying again next time: {}", name, ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	/**
	 * A round as soon as the running one (if any) ends; asks made meanwhile make one
	 * round, not several. Nothing while stopped.
	 */
	public void runSoon() {
		Sinks.Many<Long> nudges = soon;
		if (nudges != null) {
			// a failed emission (another thread emitting, or no subscriber) is a round
			// already coming or a loop stopped: nothing to add
			nudges.tryEmitNext(System.nanoTime());
		}
	}

	@EventListener
	public void clockAdvanced(ClockAdvanced moved) {
		runSoon();
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
