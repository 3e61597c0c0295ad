package com.rvssl.sandbox.orders;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.rsa2048;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rvssl.sandbox.SandboxProperties;
import com.rvssl.sandbox.authority.CertificateAuthority;
import com.rvssl.sandbox.validation.DomainControl;
import com.rvssl.sandbox.validation.TestNetwork;

/**
 * The desk with a real CA and a clock the tests move (only forwards; the CA and its keys
 * are made once, as key generation is the slow part).
 */
class OrderDeskTests {

	private static final SandboxProperties PROPERTIES = new SandboxProperties(null,
			new SandboxProperties.Digicert("key",
					new SandboxProperties.Limits(100, Duration.ofSeconds(5), 1000, Duration.ofMinutes(5))),
			new SandboxProperties.Dv(true, Duration.ofSeconds(3)));

	private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));

	private static CertificateAuthority authority;

	private OrderDesk desk;

	@BeforeAll
	static void createAuthority() {
		authority = new CertificateAuthority(PROPERTIES, CLOCK);
	}

	@BeforeEach
	void setUp() {
		this.network = new TestNetwork();
		this.desk = new OrderDesk(new CaOrderBook(PROPERTIES), authority, PROPERTIES, CLOCK,
				new DomainControl(this.network), List.of((before, after) -> this.changes
					.add(after.id() + ":" + ((after.step() != null) ? after.step() : after.status()))));
	}

	private TestNetwork network;

	private final List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();

	@Test
	void theCasClockIssuesAnEmailValidatedDvOrderWhenItsApprovalIsDueWithoutAnyoneReadingIt() {
		CaOrder order = this.desk.submit(dv("clock-email.example.com", "email"));
		assertThat(this.desk.dueAt(order.id())).isEqualTo(order.createdAt().plusSeconds(3));

		CLOCK.advance(Duration.ofSeconds(2));
		this.desk.runDue();
		assertThat(this.changes).isEmpty();

		CLOCK.advance(Duration.ofSeconds(1));
		this.desk.runDue();
		// the watchers (push senders) heard of it from the clock, not from a read
		assertThat(this.changes).containsExactly(order.id() + ":ISSUED");
		assertThat(this.desk.dueAt(order.id())).isNull();
		this.desk.runDue();
		assertThat(this.changes).hasSize(1);
	}

	@Test
	void theCasClockLooksForADnsProofOnlyWhenTheOrdersCheckIsDueAndIssuesOnceItIsThere() {
		CaOrder order = this.desk.submit(dv("clock-dns.example.com", "dns-txt-token"));
		this.network
			.putRecord(new TestNetwork.DnsRecord("_dnsauth.clock-dns.example.com", "TXT", order.dcvRandomValue()));
		CLOCK.advance(Duration.ofSeconds(4));
		this.desk.runDue();
		assertThat(this.changes).isEmpty();

		CLOCK.advance(Duration.ofSeconds(1));
		this.desk.runDue();
		assertThat(this.changes).containsExactly(order.id() + ":ISSUED");
	}

	@Test
	void aDnsOrderWithoutItsProofIsLookedAtAgainAfterEachCheckInterval() {
		CaOrder order = this.desk.submit(dv("clock-later.example.com", "dns-txt-token"));
		CLOCK.advance(Duration.ofSeconds(5));
		this.desk.runDue();
		assertThat(this.changes).isEmpty();
		assertThat(this.desk.dueAt(order.id())).isEqualTo(CLOCK.instant().plusSeconds(5));
	}

	@Test
	void emailOrdersDueWhileAutoApprovalIsOffWaitAndAreIssuedWhenItIsSwitchedOn() {
		this.desk.autoApprove(false);
		CaOrder order = this.desk.submit(dv("clock-off.example.com", "email"));
		CLOCK.advance(Duration.ofSeconds(3));
		this.desk.runDue();
		assertThat(this.changes).isEmpty();
		assertThat(this.desk.dueAt(order.id())).isNull();

		this.desk.autoApprove(true);
		this.desk.runDue();
		assertThat(this.changes).containsExactly(order.id() + ":ISSUED");
	}

	@Test
	void anOvOrdersNextStepIsDueADayAfterItsLastAndItMovesWithoutAnyoneReadingIt() {
		CaOrder order = this.desk.submit(new NewOrder("digicert", "ssl_basic", ValidationLevel.OV, "ref-ov-tick",
				"ov-tick.example.com", List.of(), csr(rsa2048(), "ov-tick.example.com"), 1, "email", List.of()));
		assertThat(this.desk.dueAt(order.id())).isEqualTo(order.stepSince().plus(Duration.ofDays(1)));
		CLOCK.advance(Duration.ofDays(1));
		this.desk.runDue();
		assertThat(this.changes).containsExactly(order.id() + ":VERIFICATION_CALL_PENDING");
		this.desk.cancel(order.id(), "changed my mind");
		assertThat(this.desk.dueAt(order.id())).isNull();
	}

	private static NewOrder dv(String domain, String method) {
		return new NewOrder("digicert", "ssl_dv_geotrust", ValidationLevel.DV, "ref-" + domain, domain, List.of(),
				csr(rsa2048(), domain), 1, method, List.of("admin@" + domain));
	}

	@Test
	void anOvOrderWalksThroughDocumentsCallAndReviewOneStepPerDayOfTheClock() {
		CaOrder order = this.desk.submit(new NewOrder("digicert", "ssl_basic", ValidationLevel.OV, "ref-ov-clock",
				"ov-clock.example.com", List.of(), csr(rsa2048(), "ov-clock.example.com"), 1, "email", List.of()));
		assertThat(order.step()).isEqualTo(ValidationStep.DOCUMENTS_REQUESTED);
		CLOCK.advance(Duration.ofDays(1));
		assertThat(this.desk.find(order.id()).step()).isEqualTo(ValidationStep.VERIFICATION_CALL_PENDING);
		CLOCK.advance(Duration.ofDays(1).minusSeconds(1));
		assertThat(this.desk.find(order.id()).step()).isEqualTo(ValidationStep.VERIFICATION_CALL_PENDING);
		CLOCK.advance(Duration.ofDays(1).plusSeconds(1));
		assertThat(this.desk.find(order.id()).status()).isEqualTo(OrderStatus.ISSUED);
		assertThat(this.changes).containsExactly(order.id() + ":VERIFICATION_CALL_PENDING", order.id() + ":ISSUED");
	}

	@Test
	void advancingAnEvOrderMovesItOneStepAtATimeUntilIssued() {
		CaOrder order = this.desk.submit(new NewOrder("digicert", "ssl_ev_basic", ValidationLevel.EV, "ref-ev-adv",
				"ev-adv.example.com", List.of(), csr(rsa2048(), "ev-adv.example.com"), 1, "email", List.of()));
		assertThat(this.desk.advance(order.id()).step()).isEqualTo(ValidationStep.VERIFICATION_CALL_PENDING);
		assertThat(this.desk.advance(order.id()).step()).isEqualTo(ValidationStep.UNDER_REVIEW);
		CaOrder issued = this.desk.advance(order.id());
		assertThat(issued.status()).isEqualTo(OrderStatus.ISSUED);
		assertThat(issued.step()).isNull();
		assertThatThrownBy(() -> this.desk.advance(order.id())).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void aDvOrderByDnsWaitsForItsTxtRecordEvenPastTheEmailDeadline() {
		CaOrder order = this.desk.submit(new NewOrder("digicert", "ssl_dv_geotrust", ValidationLevel.DV, "ref-dns",
				"dns.example.com", List.of(), csr(rsa2048(), "dns.example.com"), 1, "dns-txt-token", List.of()));
		CLOCK.advance(Duration.ofMinutes(5));
		assertThat(this.desk.checkDomainControl(order.id()).status()).isEqualTo(OrderStatus.PENDING);
		this.network.putRecord(new TestNetwork.DnsRecord("_dnsauth.dns.example.com", "TXT", "wrong"));
		assertThat(this.desk.checkDomainControl(order.id()).status()).isEqualTo(OrderStatus.PENDING);
		this.network.putRecord(new TestNetwork.DnsRecord("_dnsauth.dns.example.com", "TXT", order.dcvRandomValue()));
		assertThat(this.desk.checkDomainControl(order.id()).status()).isEqualTo(OrderStatus.ISSUED);
	}

	@Test
	void aSectigoCnameProofIsTheCsrHashSplitInTwoWithTheUniqueValue() {
		CaOrder order = this.desk.submit(new NewOrder("sectigo", "287", ValidationLevel.DV, "order-77",
				"cname.example.com", List.of(), csr(rsa2048(), "cname.example.com"), 1, "CNAME_CSR_HASH", List.of()));
		com.rvssl.sandbox.validation.DcvProof proof = this.desk.proofs(order).get(0);
		assertThat(proof.target()).matches("_[0-9A-F]{32}\\.cname\\.example\\.com");
		assertThat(proof.value()).matches("[0-9A-F]{32}\\.[0-9A-F]{32}\\.order-77\\.sectigo\\.com");
		this.network.putRecord(
				new TestNetwork.DnsRecord(proof.target().toLowerCase(), "CNAME", proof.value().toLowerCase() + "."));
		assertThat(this.desk.checkDomainControl(order.id()).status()).isEqualTo(OrderStatus.ISSUED);
	}

	@Test
	void aDvOrderIsPendingBeforeItsDeadlineAndIssuedAtTheFirstReadAfterIt() {
		CaOrder order = this.desk.submit(dvOrder("deadline.example.com"));
		CLOCK.advance(Duration.ofMillis(2999));
		assertThat(this.desk.find(order.id()).status()).isEqualTo(OrderStatus.PENDING);
		CLOCK.advance(Duration.ofMillis(1));
		CaOrder issued = this.desk.find(order.id());
		assertThat(issued.status()).isEqualTo(OrderStatus.ISSUED);
		assertThat(issued.certificate().notBefore()).isEqualTo(CLOCK.instant());
	}

	@Test
	void readersRacingPastTheDeadlineIssueExactlyOneCertificate() throws Exception {
		CaOrder order = this.desk.submit(dvOrder("race.example.com"));
		CLOCK.advance(Duration.ofSeconds(5));
		ExecutorService readers = Executors.newFixedThreadPool(8);
		try {
			Callable<String> read = () -> this.desk.find(order.id()).certificate().serialNumber();
			List<Future<String>> serials = readers.invokeAll(java.util.Collections.nCopies(16, read));
			assertThat(serials.stream().map(OrderDeskTests::get).distinct().toList()).hasSize(1);
		}
		finally {
			readers.shutdownNow();
		}
	}

	@Test
	void theCommonNameComesFirstAndRepeatedNamesAreDropped() {
		CaOrder order = this.desk.submit(new NewOrder("digicert", "ssl_basic", ValidationLevel.OV, "ref",
				"a.example.com", List.of("b.example.com", "A.EXAMPLE.COM", "b.example.com"),
				csr(rsa2048(), "a.example.com"), 1, "email", List.of()));
		assertThat(order.dnsNames()).containsExactly("a.example.com", "b.example.com");
	}

	@Test
	void anIssuedOrderCannotBeCanceledOrRejected() {
		CaOrder order = this.desk.submit(dvOrder("final.example.com"));
		this.desk.approve(order.id());
		assertThatThrownBy(() -> this.desk.cancel(order.id(), "too late"))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> this.desk.reject(order.id(), "too late"))
			.isInstanceOf(IllegalTransitionException.class);
		assertThat(this.desk.find(order.id()).status()).isEqualTo(OrderStatus.ISSUED);
	}

	private static NewOrder dvOrder(String commonName) {
		return new NewOrder("digicert", "ssl_dv_geotrust", ValidationLevel.DV, "ref-" + commonName, commonName,
				List.of(), csr(rsa2048(), commonName), 1, "email", List.of());
	}

	private static String get(Future<String> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A clock that only moves when the test says so. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant start) {
			this.now = start;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
