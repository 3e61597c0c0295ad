package com.rvssl.gateway.submission;

import java.util.concurrent.atomic.AtomicBoolean;

import com.rvssl.gateway.adapters.CaAdapter;
import com.rvssl.gateway.adapters.CaAdapters;
import com.rvssl.gateway.adapters.CaRefusal;
import com.rvssl.gateway.adapters.CaUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One attempt to get a claimed record's order to its CA, never twice: after any failure
 * that may have reached the CA (and on every re-attempt of a record tried before), the
 * order is first looked up at the CA by our reference and adopted if it is there.
 * Transient failures are retried a few times with backoff; an open circuit is not, the
 * sweep comes back later, and neither is a place that got no answer: the CA may still be
 * making that order, and a look-up right away could miss it and place a second one (the
 * record waits {@code rvssl.gateway.submission.unanswered-place-wait} before its next
 * look-up). The attempt as a whole ends after
 * {@code rvssl.gateway.submission.attempt-deadline}, well before its claim goes stale.
 * The claim is therefore never renewed: a live attempt cannot outlast it, and one that
 * does (a process frozen past the claim, which could not renew either) is fenced by its
 * token and its CA order cancelled as a stray (see {@link DuplicateCaOrders}).
 */
@Component
class CaSubmission {

	private static final Logger log = LoggerFactory.getLogger(CaSubmission.class);

	private final CaAdapters adapters;

	private final SubmissionProperties properties;

	CaSubmission(CaAdapters adapters, SubmissionProperties properties) {
		this.adapters = adapters;
		this.properties = properties;
	}

	Mono<SubmissionOutcome> submit(SubmissionRecord claimed) {
		CaAdapter adapter = adapters.of(claimed.ca(), claimed.caAccount()).orElse(null);
		if (adapter == null) {
			// Kept retrying rather than failed: the order goes through once this CA's
			// adapter is deployed.
			return Mono.just(new SubmissionOutcome.Unavailable("no adapter for CA " + claimed.ca() + " yet"));
		}
		// The first attempt of a fresh claim cannot have reached the CA before; every
		// later one may have.
		AtomicBoolean lookUpFirst = new AtomicBoolean(claimed.attempts() > 1);
		// a place that failed may still make its order at the CA later (see
		// Submissions#record: the reference is searched again after a while)
		AtomicBoolean uncertain = new AtomicBoolean(claimed.attempts() > 1);
		// a place sent and not answered may still be on its way through the CA: a look-up
		// now could miss it, so this attempt places no more (see
		// SubmissionOutcome.Unavailable)
		AtomicBoolean placeUnanswered = new AtomicBoolean();
		// a place sent and not answered yet when the attempt's deadline cuts it short
		AtomicBoolean placeInFlight = new AtomicBoolean();
		Mono<SubmissionOutcome> once = Mono.defer(() -> {
			boolean lookUp = lookUpFirst.getAndSet(true);
			Mono<SubmissionOutcome> found = lookUp
					? adapter.findByReference(claimed.orderId())
						.doOnNext(caOrderId -> log.info("Order {} already at {} as {}: adopted", claimed.orderId(),
								claimed.ca(), caOrderId))
						.map(caOrderId -> new SubmissionOutcome.Accepted(caOrderId, true, uncertain.get()))
					: Mono.empty();
			return found.switchIfEmpty(Mono.defer(() -> adapter.place(claimed.caOrderRequest())
				.doOnError(CaUnavailable.class, failure -> uncertain.set(true))
				.doOnSubscribe(subscription -> placeInFlight.set(true))
				.doOnSuccess(caOrderId -> placeInFlight.set(false))
				.doOnError(failure -> placeInFlight.set(false))
				.doOnError(CaUnavailable.NoAnswer.class, failure -> placeUnanswered.set(true))
				.map(caOrderId -> new SubmissionOutcome.Accepted(caOrderId, false, uncertain.get()))));
		});
		return once
			.retryWhen(Retry.backoff(properties.retries(), properties.retryBackoff())
				.maxBackoff(properties.retryMaxBackoff())
				// jitter: orders held up by the same outage do not all come back at the
				// same instant
				.jitter(0.5)
				.filter(failure -> worthRetryingNow(failure) && !placeUnanswered.get())
				.doBeforeRetry(signal -> log.info("Retrying order {} at {} after: {}", claimed.orderId(), claimed.ca(),
						signal.failure().getMessage()))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			// The whole attempt (permits waited for, calls, quick retries) ends well
			// inside its claim; a place cut short may still have reached the CA: the
			// next attempt looks the reference up first.
			.timeout(properties.attemptDeadline(), Mono.error(() -> {
				// a place cut short in flight is just as unanswered
				if (placeInFlight.get()) {
					placeUnanswered.set(true);
				}
				return new CaUnavailable("no outcome within the attempt's deadline of " + properties.attemptDeadline());
			}))
			.onErrorResume(CaRefusal.class, refusal -> Mono.just(new SubmissionOutcome.Refused(refusal.getMessage())))
			.onErrorResume(CaUnavailable.class, failure -> Mono
				.just(new SubmissionOutcome.Unavailable(failure.getMessage(), placeUnanswered.get())));
	}

	private static boolean worthRetryingNow(Throwable failure) {
		return failure instanceof CaUnavailable && !(failure instanceof CaUnavailable.CircuitOpen)
				&& !(failure instanceof CaUnavailable.OverBudget);
	}

}
