package com.rvssl.gateway.adapters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * The permits of one CA account, handed out by priority. The account's Resilience4j rate
 * limiter alone counts them; this class decides who takes the next free one. Nobody
 * reserves a permit of a coming period in the limiter: a call that finds none free waits
 * here, in a line ordered by {@link CallPriority#rank()} and then by arrival, so that a
 * later download still goes before waiting submissions, and a caller that gives up leaves
 * the line without spending a permit. Each period the line takes what the limiter frees.
 * All takes happen under this object's lock, so a crowd of callers cannot take the same
 * free permit twice.
 */
final class AccountBudget {

	private static final long MIN_WAKE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final String account;

	private final RateLimiter limiter;

	private final int statusReserve;

	private final Scheduler timer;

	private final PriorityQueue<Waiter> line = new PriorityQueue<>(
			Comparator.comparingInt((Waiter waiter) -> waiter.priority().rank()).thenComparingLong(Waiter::arrival));

	private final Map<CallPriority, AtomicInteger> waiting = new EnumMap<>(CallPriority.class);

	private long arrivals;

	private boolean wakeScheduled;

	AccountBudget(String account, RateLimiter limiter, double readReserve, Scheduler timer) {
		this.account = account;
		this.limiter = limiter;
		this.statusReserve = (int) Math.ceil(config().getLimitForPeriod() * readReserve);
		this.timer = timer;
		for (CallPriority priority : CallPriority.values()) {
			this.waiting.put(priority, new AtomicInteger());
		}
	}

	/** Calls of this priority waiting in line now (a gauge). */
	AtomicInteger waiting(CallPriority priority) {
		return this.waiting.get(priority);
	}

	/**
	 * Completes once the call holds a permit: at once if one is free and nobody of its
	 * rank or better waits (a status read also needs more than the reserve free and
	 * nobody waiting at all), else when its turn comes. Fails with
	 * {@link CaUnavailable.OverBudget} at once when the call may not wait or its turn
	 * would come later than {@code maxWait}, and when it is still in line at its
	 * deadline.
	 */
	Mono<Void> permit(CallPriority priority, Duration maxWait) {
		synchronized (this) {
			int free = this.limiter.getMetrics().getAvailablePermissions();
			int ahead = ahead(priority);
			boolean mayTake = priority.queues() ? ahead == 0 && free > 0
					: this.line.isEmpty() && free > this.statusReserve;
			if (mayTake && this.limiter.acquirePermission()) {
				return Mono.empty();
			}
			if (!priority.queues()) {
				return Mono.error(refusal(priority, untilNextPeriod()));
			}
			Duration turn = turnIn(ahead + 1 - Math.max(free, 0));
			if (turn.compareTo(maxWait) > 0) {
				return Mono.error(refusal(priority, turn));
			}
			Waiter waiter = new Waiter(priority, this.arrivals++, System.nanoTime() + maxWait.toNanos(), Sinks.one());
			this.line.add(waiter);
			this.waiting.get(priority).incrementAndGet();
			scheduleWake();
			return waiter.sink().asMono().doOnCancel(() -> leave(waiter));
		}
	}

	/** Hands the period's free permits to the line, best rank first; refuses the late. */
	private void serve() {
		List<Waiter> served = new ArrayList<>();
		List<Waiter> late = new ArrayList<>();
		synchronized (this) {
			this.wakeScheduled = false;
			while (!this.line.isEmpty() && this.limiter.getMetrics().getAvailablePermissions() > 0
					&& this.limiter.acquirePermission()) {
				served.add(left(this.line.poll()));
			}
			long now = System.nanoTime();
			this.line.removeIf(waiter -> {
				if (now - waiter.deadline() < 0) {
					return false;
				}
				late.add(left(waiter));
				return true;
			});
			scheduleWake();
		}
		served.forEach(waiter -> waiter.sink().tryEmitEmpty());
		late.forEach(waiter -> waiter.sink().tryEmitError(refusal(waiter.priority(), untilNextPeriod())));
	}

	private synchronized void leave(Waiter waiter) {
		if (this.line.remove(waiter)) {
			left(waiter);
		}
	}

	private Waiter left(Waiter waiter) {
		this.waiting.get(waiter.priority()).decrementAndGet();
		return waiter;
	}

	private void scheduleWake() {
		if (this.line.isEmpty() || this.wakeScheduled) {
			return;
		}
		this.wakeScheduled = true;
		long free = this.limiter.getMetrics().getAvailablePermissions();
		long delay = free > 0 ? 0 : Math.max(untilNextPeriod().toNanos(), MIN_WAKE_NANOS);
		this.timer.schedule(this::serve, delay, TimeUnit.NANOSECONDS);
	}

	/** Waiting calls that go before a new one of this priority. */
	private int ahead(CallPriority priority) {
		int ahead = 0;
		for (Map.Entry<CallPriority, AtomicInteger> entry : this.waiting.entrySet()) {
			if (entry.getKey().rank() <= priority.rank()) {
				ahead += entry.getValue().get();
			}
		}
		return ahead;
	}

	/** When the n-th permit beyond those free now comes. */
	private Duration turnIn(int beyondFree) {
		if (beyondFree <= 0) {
			return Duration.ZERO;
		}
		int periodsAfterNext = (beyondFree - 1) / config().getLimitForPeriod();
		return untilNextPeriod().plus(config().getLimitRefreshPeriod().multipliedBy(periodsAfterNext));
	}

	/**
	 * Until the limiter's next period starts, when it knows (no permit free now); else a
	 * whole period, which is never less.
	 */
	private Duration untilNextPeriod() {
		if (this.limiter.getMetrics() instanceof AtomicRateLimiter.AtomicRateLimiterMetrics metrics
				&& metrics.getAvailablePermissions() <= 0) {
			return Duration.ofNanos(metrics.getNanosToWait());
		}
		return config().getLimitRefreshPeriod();
	}

	private RateLimiterConfig config() {
		return this.limiter.getRateLimiterConfig();
	}

	private CaUnavailable.OverBudget refusal(CallPriority priority, Duration retryAfter) {
		return new CaUnavailable.OverBudget(this.account, priority, retryAfter);
	}

	private record Waiter(CallPriority priority, long arrival, long deadline, Sinks.One<Void> sink) {
	}

}
