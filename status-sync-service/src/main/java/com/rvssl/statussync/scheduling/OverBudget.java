package com.rvssl.statussync.scheduling;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The gateway's {@code 503 ca-over-budget} answer: the CA account's budget has no permit
 * for a read now, and {@code Retry-After} says when one comes (the budget's next period
 * at the latest). Not a failure of the gateway: the check is simply due again then.
 */
record OverBudget(Duration retryAfter) {

	/** Bounds of the wait, whatever the header says. */
	private static final Duration SHORTEST = Duration.ofSeconds(1);

	private static final Duration LONGEST = Duration.ofMinutes(1);

	static Optional<OverBudget> of(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof WebClientResponseException)) {
			cause = cause.getCause();
		}
		if (!(cause instanceof WebClientResponseException response)
				|| response.getStatusCode().value() != HttpStatus.SERVICE_UNAVAILABLE.value()
				|| !response.getResponseBodyAsString().contains("ca-over-budget")) {
			return Optional.empty();
		}
		return Optional.of(new OverBudget(retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))));
	}

	private static Duration retryAfter(String header) {
		try {
			Duration wait = Duration.ofSeconds(Long.parseLong(header.strip()));
			return (wait.compareTo(SHORTEST) < 0) ? SHORTEST : (wait.compareTo(LONGEST) > 0) ? LONGEST : wait;
		}
		catch (RuntimeException unreadable) {
			return SHORTEST.multipliedBy(5);
		}
	}

}
