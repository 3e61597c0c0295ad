package com.rvssl.order.csr;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import com.rvssl.kit.test.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

class CsrReaderTests {

	private static final DecodedCsr DECODED = new DecodedCsr("a.com", List.of("a.com"), "RSA", 2048, "SHA256WITHRSA",
			Map.of());

	private final CountDownLatch release = new CountDownLatch(1);

	private CsrReader reader;

	@AfterEach
	void releaseAndStop() {
		this.release.countDown();
		if (this.reader != null) {
			this.reader.destroy();
		}
	}

	@Test
	void decodesOnItsOwnThreadsNeverTheCallers() {
		this.reader = new CsrReader(1, 10, Duration.ofSeconds(30));
		String caller = Thread.currentThread().getName();

		StepVerifier.create(this.reader.decode(TestCertificates.csr(TestCertificates.rsa2048(), "a.com"))
			// the signal arrives on the thread that decoded
			.map((decoded) -> Thread.currentThread().getName()))
			.assertNext((thread) -> assertThat(thread).startsWith(CsrReader.THREAD_NAME).isNotEqualTo(caller))
			.verifyComplete();
	}

	@Test
	void theDecoderItselfRunsOnTheCsrThreads() {
		Scheduler scheduler = Schedulers.newBoundedElastic(1, 10, CsrReader.THREAD_NAME);
		String[] decodedOn = new String[1];
		this.reader = new CsrReader((pem) -> {
			decodedOn[0] = Thread.currentThread().getName();
			return DECODED;
		}, scheduler, Duration.ofSeconds(30));

		StepVerifier.create(this.reader.decode("pem")).expectNext(DECODED).verifyComplete();

		assertThat(decodedOn[0]).startsWith(CsrReader.THREAD_NAME + "-");
	}

	@Test
	void aRefusedCsrIsAnErrorForTheDecoderAndAValueForTheOrderChecks() {
		this.reader = new CsrReader(1, 10, Duration.ofSeconds(30));

		StepVerifier.create(this.reader.decode("hello")).expectError(InvalidCsrException.class).verify();
		StepVerifier.create(this.reader.read("hello"))
			.assertNext((reading) -> assertThat(reading.refusal()).hasMessageContaining("PEM"))
			.verifyComplete();
		StepVerifier.create(this.reader.read(null)).expectNext(CsrReading.none()).verifyComplete();
		// only spaces is a mistake, not "no CSR"
		StepVerifier.create(this.reader.read(" "))
			.assertNext((reading) -> assertThat(reading.refusal()).hasMessageContaining("blank"))
			.verifyComplete();
	}

	@Test
	void aDecodeOverTheTimeLimitIsBusy() {
		this.reader = new CsrReader((pem) -> waitForRelease(), Schedulers.newBoundedElastic(1, 10, "csr-test"),
				Duration.ofMillis(50));

		StepVerifier.create(this.reader.decode("pem"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(CsrChecksBusyException.class)
				.hasMessageContaining("within 50 ms"))
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void aFullQueueIsBusyRatherThanWaitingWithoutEnd() throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		this.reader = new CsrReader((pem) -> {
			started.countDown();
			return waitForRelease();
		}, Schedulers.newBoundedElastic(1, 1, "csr-test"), Duration.ofSeconds(30));

		this.reader.decode("first").subscribe((decoded) -> {
		}, (ex) -> {
		});
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
		this.reader.decode("queued").subscribe((decoded) -> {
		}, (ex) -> {
		});

		StepVerifier.create(this.reader.decode("one too many"))
			.expectError(CsrChecksBusyException.class)
			.verify(Duration.ofSeconds(30));
	}

	private DecodedCsr waitForRelease() {
		try {
			this.release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return DECODED;
	}

}
