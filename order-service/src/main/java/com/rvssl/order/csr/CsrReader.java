package com.rvssl.order.csr;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decodes CSRs on a small scheduler of their own, never on the event loop: a signature
 * check takes milliseconds to a few hundred (an 8192-bit key), which would stall every
 * connection served by that loop. The scheduler has few threads and a bounded queue, and
 * each decode a time limit counted from the request (queueing included); a full queue or
 * an expired limit is a {@link CsrChecksBusyException}, since with the key checks in
 * front no acceptable CSR comes near the limit.
 */
@Component
public class CsrReader implements DisposableBean {

	/** The name of the decoding threads (with a number appended). */
	public static final String THREAD_NAME = "csr-checks";

	private final Function<String, DecodedCsr> decoder;

	private final Scheduler scheduler;

	private final Duration timeLimit;

	@Autowired
	public CsrReader(@Value("${rvssl.csr.threads:2}") int threads, @Value("${rvssl.csr.queue:100}") int queue,
			@Value("${rvssl.csr.time-limit:3s}") Duration timeLimit) {
		// daemon threads, idle ones let go after a minute: they never keep a JVM alive
		this(CsrDecoder::decode, Schedulers.newBoundedElastic(threads, queue, THREAD_NAME, 60, true), timeLimit);
	}

	/** With another decoder or scheduler, for tests. */
	CsrReader(Function<String, DecodedCsr> decoder, Scheduler scheduler, Duration timeLimit) {
		this.decoder = decoder;
		this.scheduler = scheduler;
		this.timeLimit = timeLimit;
	}

	/**
	 * @return the decoded CSR, or an {@link InvalidCsrException} or
	 * {@link CsrChecksBusyException} error
	 */
	public Mono<DecodedCsr> decode(String pem) {
		return Mono.fromCallable(() -> this.decoder.apply(pem))
			.subscribeOn(this.scheduler)
			.timeout(this.timeLimit)
			.onErrorMap(TimeoutException.class,
					(ex) -> new CsrChecksBusyException("the CSR could not be checked within "
							+ this.timeLimit.toMillis() + " ms; the service is busy, try again shortly", ex))
			.onErrorMap(RejectedExecutionException.class, (ex) -> new CsrChecksBusyException(
					"too many CSRs are being checked; the service is busy, try again shortly", ex));
	}

	/**
	 * The CSR read for an order's checks: a refusal is a value (the checks report it with
	 * the request's other problems), busy is an error; no CSR at all reads as
	 * {@link CsrReading#none()}.
	 */
	public Mono<CsrReading> read(String pem) {
		if (pem == null) {
			return Mono.just(CsrReading.none());
		}
		if (pem.isBlank()) {
			// a CSR that is only spaces is a mistake, not "no CSR": leaving the field out
			// is
			return Mono.just(CsrReading.refused(InvalidCsrException
				.unreadable("the CSR is blank: send a PEM CERTIFICATE REQUEST, or leave csr out to send it later")));
		}
		return decode(pem).map(CsrReading::of)
			.onErrorResume(InvalidCsrException.class, (ex) -> Mono.just(CsrReading.refused(ex)));
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
	}

}
