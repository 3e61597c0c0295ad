package com.rvssl.gateway.submission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Customer;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.gateway.adapters.CaAdapter;
import com.rvssl.gateway.adapters.CaAdapters;
import com.rvssl.gateway.adapters.CaOrderQuery;
import com.rvssl.gateway.adapters.CaOrderRequest;
import com.rvssl.gateway.adapters.CaOrderStatus;
import com.rvssl.gateway.adapters.CaUnavailable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One submission attempt ends within its deadline, however long the CA's rate limiter and
 * time limiter make each try and however many quick retries are left: in virtual time,
 * against a CA whose every answer takes 40 s (a 30 s wait for a permit, then a 10 s
 * time-out), as in production. A place that got no answer ends its attempt: only an error
 * the CA answered is retried at once.
 */
class CaSubmissionDeadlineTests {

	private static final Duration DEADLINE = Duration.ofMinutes(1);

	/**
	 * Production's figures: two quick retries, a two-minute claim, a one-minute deadline.
	 */
	private final SubmissionProperties properties = new SubmissionProperties(2, Duration.ofMillis(500),
			Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(2), 50, DEADLINE,
			Duration.ofMinutes(10), Duration.ofMinutes(1));

	private final SlowCa ca = new SlowCa();

	private final CaSubmission submission = new CaSubmission(new CaAdapters(List.of(ca)), properties);

	@Test
	void anAttemptWhoseTriesTakeLongerThanItsDeadlineEndsAtTheDeadlineAsUnavailable() {
		SubmissionRecord claimed = record(1);

		StepVerifier.withVirtualTime(() -> submission.submit(claimed))
			.expectSubscription()
			.expectNoEvent(DEADLINE.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.assertNext(outcome -> assertThat(outcome).isInstanceOfSatisfying(SubmissionOutcome.Unavailable.class,
					unavailable -> {
						assertThat(unavailable.reason()).contains("deadline");
						// the place cut short may still be carried out by the CA
						assertThat(unavailable.placeUnanswered()).isTrue();
					}))
			.expectComplete()
			// a bound on the test, not an assertion: without a deadline the attempt never
			// ends
			.verify(Duration.ofSeconds(30));

		// the first try failed after 40 s, the second was in flight and is abandoned
		assertThat(ca.places).hasValue(2);
		assertThat(ca.abandoned).isTrue();
		assertThat(DEADLINE.multipliedBy(2)).isLessThanOrEqualTo(properties.staleAfter());
	}

	@Test
	void aReattemptWhoseLookUpHangsEndsAtTheDeadlineWithoutPlacing() {
		ca.lookUps = Mono.never();
		SubmissionRecord claimed = record(2);

		StepVerifier.withVirtualTime(() -> submission.submit(claimed))
			.expectSubscription()
			.expectNoEvent(DEADLINE.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.assertNext(outcome -> assertThat(outcome).isInstanceOf(SubmissionOutcome.Unavailable.class))
			.expectComplete()
			// a bound on the test, not an assertion: without a deadline the attempt never
			// ends
			.verify(Duration.ofSeconds(30));

		assertThat(ca.places).hasValue(0);
	}

	@Test
	void aPlaceThatGotNoAnswerIsNotFollowedByALookUpAndAnotherPlaceInTheSameAttempt() {
		ca.answer = Duration.ofSeconds(10);
		ca.noAnswer = true;

		assertThat(firstAttemptAfter(Duration.ofSeconds(10))).isInstanceOfSatisfying(
				SubmissionOutcome.Unavailable.class, unavailable -> assertThat(unavailable.placeUnanswered()).isTrue());

		assertThat(ca.places).hasValue(1);
		assertThat(ca.lookUpCount).hasValue(0);
	}

	@Test
	void aPlaceTheCaAnsweredWithAnErrorIsRetriedAtOnceAfterALookUp() {
		ca.answer = Duration.ofSeconds(1);
		ca.failing = 1;

		assertThat(firstAttemptAfter(Duration.ofSeconds(10)))
			.isEqualTo(new SubmissionOutcome.Accepted("ca-2", false, true));

		assertThat(ca.places).hasValue(2);
		assertThat(ca.lookUpCount).hasValue(1);
	}

	@Test
	void placesTheCaAnsweredWithErrorsLeaveNothingUnanswered() {
		ca.answer = Duration.ofSeconds(1);
		ca.failing = Integer.MAX_VALUE;

		assertThat(firstAttemptAfter(Duration.ofSeconds(30))).isInstanceOfSatisfying(
				SubmissionOutcome.Unavailable.class,
				unavailable -> assertThat(unavailable.placeUnanswered()).isFalse());

		// the first try and both quick retries
		assertThat(ca.places).hasValue(3);
	}

	@Test
	void aQuickAnswerIsTakenAsItComes() {
		ca.answer = Duration.ofSeconds(2);

		StepVerifier.withVirtualTime(() -> submission.submit(record(1)))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(2).minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.assertNext(outcome -> assertThat(outcome).isEqualTo(new SubmissionOutcome.Accepted("ca-1", false)))
			.expectComplete()
			// a bound on the test, not an assertion: without a deadline the attempt never
			// ends
			.verify(Duration.ofSeconds(30));
	}

	/**
	 * The outcome of a first attempt, in virtual time: it must come within
	 * {@code duration}.
	 */
	private SubmissionOutcome firstAttemptAfter(Duration duration) {
		List<SubmissionOutcome> outcomes = new ArrayList<>();
		StepVerifier.withVirtualTime(() -> submission.submit(record(1)))
			.expectSubscription()
			.thenAwait(duration)
			.recordWith(() -> outcomes)
			.expectNextCount(1)
			.expectComplete()
			// a bound on the test, not an assertion
			.verify(Duration.ofSeconds(30));
		return outcomes.get(0);
	}

	private static SubmissionRecord record(int attempts) {
		EventEnvelope envelope = EventEnvelope.of("ord-deadline", "reseller-1", "corr-1",
				new OrderPlaced("product-ssl", CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", Validation.DV, 12,
						List.of("deadline.example.com"), "csr", new Dcv(DcvMethod.EMAIL, "admin@deadline.example.com"),
						new Customer("Ann Lee", "ann@example.com"), null, Money.of(1299, "USD"), Money.of(2999, "USD"),
						"whmcs-1"));
		SubmissionRecord placed = SubmissionRecord.placed(envelope, (OrderPlaced) envelope.payload(), Instant.now());
		return new SubmissionRecord(placed.orderId(), placed.resellerId(), placed.correlationId(), placed.ca(),
				placed.caProduct(), placed.validation(), placed.termMonths(), placed.domains(), placed.csr(),
				placed.dcv(), placed.organization(), SubmissionState.SUBMITTING, attempts, null, null, null,
				Instant.now(), 0, placed.createdAt(), placed.updatedAt(), List.of(), placed.appliedEventIds(),
				List.of(), "claim-1", List.of(), null, null);
	}

	/**
	 * A CA whose place answers after {@code answer}: "unavailable" when that is the 40 s
	 * of a permit wait plus a time-out, the CA's order id when quicker; no answer at all
	 * ({@code noAnswer}), or an error the first {@code failing} times.
	 */
	private static final class SlowCa implements CaAdapter {

		final AtomicInteger places = new AtomicInteger();

		final AtomicBoolean abandoned = new AtomicBoolean();

		Duration answer = Duration.ofSeconds(40);

		Mono<String> lookUps = Mono.empty();

		final AtomicInteger lookUpCount = new AtomicInteger();

		boolean noAnswer;

		int failing;

		@Override
		public CertificateAuthority ca() {
			return CertificateAuthority.DIGICERT;
		}

		@Override
		public Mono<String> place(CaOrderRequest request) {
			places.incrementAndGet();
			Mono<String> reply;
			if (noAnswer) {
				reply = Mono.error(new CaUnavailable.NoAnswer("digicert did not answer within 10s", null));
			}
			else if (places.get() <= failing) {
				reply = Mono.error(new CaUnavailable("digicert answered 500 internal_error"));
			}
			else if (answer.compareTo(Duration.ofSeconds(30)) >= 0) {
				reply = Mono.error(new CaUnavailable("digicert did not answer within 10s"));
			}
			else {
				reply = Mono.just("ca-" + places.get());
			}
			return Mono.delay(answer).then(reply).doOnCancel(() -> abandoned.set(true));
		}

		@Override
		public Mono<String> findByReference(String reference) {
			return Mono.defer(() -> {
				lookUpCount.incrementAndGet();
				return lookUps;
			});
		}

		@Override
		public Mono<CaOrderStatus> status(CaOrderQuery query) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<String> downloadPemChain(String caOrderId) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<Void> cancel(String caOrderId, String note) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<Void> reissue(String caOrderId, String csr, List<String> domains) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<Void> resendDcvEmail(String caOrderId, String approverEmail) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<Void> changeDcvMethod(String caOrderId, Dcv dcv) {
			return Mono.error(new UnsupportedOperationException());
		}

	}

}
