package com.rvssl.kit.app;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoTimeoutException;
import jakarta.validation.Valid;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.kit.clock.ClockAdvanced;
import com.rvssl.kit.kafka.KafkaErrorHandlerCustomizer;
import com.rvssl.kit.kafka.PollRecords;
import com.rvssl.kit.security.ApiKeyResolver;
import com.rvssl.kit.security.ApiKeys;
import com.rvssl.kit.security.Caller;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The smallest service built on the kit: secured and open routes, a validated JSON-only
 * body, bounded path and query parameters, and listeners of the orders topic (one a
 * record at a time, one a poll at a time) that fail on purpose for some orders.
 */
@SpringBootApplication
public class KitTestApplication {

	/** The key of the one reseller this application knows. */
	public static final String RESELLER_KEY = "rk_live_reseller-one";

	public static final String OPERATOR_KEY = "ok_operator";

	/**
	 * How many things {@code POST /api/things} accepted: what a refused request must not
	 * change.
	 */
	public static final AtomicInteger THINGS_CREATED = new AtomicInteger();

	/** The platform's service key (its hash is in application.yml). */
	public static final String SERVICE_KEY = "sk_service";

	/** The moves of the movable clock announced so far. */
	public static final List<ClockAdvanced> CLOCK_MOVES = new java.util.concurrent.CopyOnWriteArrayList<>();

	@EventListener
	void clockMoved(ClockAdvanced moved) {
		CLOCK_MOVES.add(moved);
	}

	@Bean
	ApiKeyResolver resellers() {
		return (hash) -> hash.equals(ApiKeys.hash(RESELLER_KEY)) ? Mono.just("reseller-one") : Mono.empty();
	}

	@Bean
	KafkaErrorHandlerCustomizer neverRetried() {
		return (handler) -> handler.addNotRetryableExceptions(CannotEverSucceed.class);
	}

	@Bean
	FailingListener failingListener() {
		return new FailingListener();
	}

	@Bean
	PollingListener pollingListener() {
		return new PollingListener();
	}

	@RestController
	static class Routes {

		@GetMapping("/api/me")
		Map<String, Object> me(ServerWebExchange exchange) {
			Caller caller = Caller.of(exchange);
			return Map.of("operator", caller.operator(), "scope", String.valueOf(caller.scope()));
		}

		@GetMapping("/internal/v1/me")
		Map<String, Object> internalMe(ServerWebExchange exchange) {
			return Map.of("role", Caller.of(exchange).role().name());
		}

		/** Listed nowhere: needs a key like any path not listed as public. */
		@GetMapping("/unlisted/secret")
		String unlisted() {
			return "secret";
		}

		@PostMapping(path = "/api/things", consumes = MediaType.APPLICATION_JSON_VALUE)
		Map<String, Object> create(@Valid @RequestBody Thing thing) {
			THINGS_CREATED.incrementAndGet();
			return Map.of("name", thing.name());
		}

		@GetMapping("/api/things/{name}")
		Map<String, Object> thing(@PathVariable @Size(max = 10) String name,
				@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
			return Map.of("name", name, "size", size);
		}

		@GetMapping("/open/ping")
		String ping() {
			return "pong";
		}

	}

	record Thing(@NotBlank String name, @Positive int quantity) {
	}

	/** A failure no retry can cure. */
	static class CannotEverSucceed extends RuntimeException {

		CannotEverSucceed(String message) {
			super(message);
		}

	}

	/**
	 * Fails for orders named {@code retry-*} (a retryable failure), {@code final-*} (not
	 * retryable) and {@code outage-*} (the database unreachable, until {@link #heal}).
	 */
	public static class FailingListener {

		private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

		private final Set<String> applied = ConcurrentHashMap.newKeySet();

		private volatile boolean databaseAway = true;

		@KafkaListener(topics = Topics.ORDERS, groupId = "kit-tests")
		void on(EventEnvelope event) {
			attempts.computeIfAbsent(event.orderId(), (id) -> new AtomicInteger()).incrementAndGet();
			if (event.orderId().startsWith("retry-")) {
				throw new IllegalStateException("the database is away");
			}
			if (event.orderId().startsWith("final-")) {
				throw new CannotEverSucceed("this record can never be applied");
			}
			if (event.orderId().startsWith("outage-") && databaseAway) {
				// what Spring Data makes of a MongoDB that does not answer
				throw new DataAccessResourceFailureException("Timed out while waiting for a server",
						new MongoTimeoutException("Timed out while waiting for a server"));
			}
			applied.add(event.orderId());
		}

		public void heal() {
			databaseAway = false;
		}

		public boolean applied(String orderId) {
			return applied.contains(orderId);
		}

		public int attempts(String orderId) {
			AtomicInteger count = attempts.get(orderId);
			return (count != null) ? count.get() : 0;
		}

		public List<String> orders() {
			return List.copyOf(attempts.keySet());
		}

	}

	/**
	 * The orders topic again, a poll at a time through {@link PollRecords}, in a consumer
	 * group of its own: fails for orders named {@code poll-retry-*} and counts every try
	 * of every record.
	 */
	public static class PollingListener {

		private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

		@KafkaListener(topics = Topics.ORDERS, groupId = "kit-tests-polls", batch = "true")
		void on(List<ConsumerRecord<String, EventEnvelope>> records) {
			PollRecords.each(records, (event) -> {
				attempts.computeIfAbsent(event.orderId(), (id) -> new AtomicInteger()).incrementAndGet();
				if (event.orderId().startsWith("poll-retry-")) {
					throw new IllegalStateException("the database is away");
				}
			});
		}

		public int attempts(String orderId) {
			AtomicInteger count = attempts.get(orderId);
			return (count != null) ? count.get() : 0;
		}

	}

}
