package com.rvssl.sandbox.orders;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.rsa2048;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.rvssl.sandbox.SandboxProperties;
import com.rvssl.sandbox.authority.BaselineRequirements;
import com.rvssl.sandbox.authority.CertificateAuthority;
import com.rvssl.sandbox.validation.DomainControl;
import com.rvssl.sandbox.validation.TestNetwork;

/**
 * An order as a plan, on a clock each test sets and moves: certificates as long as the
 * Baseline Requirements of their day allow and never past the plan's end, reissues free
 * within the plan, validations done again when they are too old to reuse.
 */
class OrderPlanTests {

	private static final SandboxProperties PROPERTIES = new SandboxProperties(null,
			new SandboxProperties.Digicert("key",
					new SandboxProperties.Limits(100, Duration.ofSeconds(5), 1000, Duration.ofMinutes(5))),
			new SandboxProperties.Dv(true, Duration.ofSeconds(3)));

	/** The day these tests were written: a 24-month plan from it spans 2027-03-15. */
	private static final Instant TODAY = Instant.parse("2026-12-06T10:00:00Z");

	private static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);

	private static CertificateAuthority authority;

	/** One key for every CSR: key generation is the slow part. */
	private static KeyPair key;

	private OrderDeskTests.MovableClock clock;

	private TestNetwork network;

	private OrderDesk desk;

	private final List<String> changes = new CopyOnWriteArrayList<>();

	private final List<Long> dcvEmailsDue = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void createAuthority() {
		authority = new CertificateAuthority(PROPERTIES,
				new OrderDeskTests.MovableClock(Instant.parse("2026-01-01T00:00:00Z")));
		key = rsa2048();
	}

	private void startAt(Instant start) {
		this.clock = new OrderDeskTests.MovableClock(start);
		this.network = new TestNetwork();
		this.desk = new OrderDesk(new CaOrderBook(PROPERTIES), authority, PROPERTIES, this.clock,
				new DomainControl(this.network), List.of(new OrderWatcher() {
					@Override
					public void changed(CaOrder before, CaOrder after) {
						OrderPlanTests.this.changes
							.add(after.id() + ":" + ((after.step() != null) ? after.step() : after.status()));
					}

					@Override
					public void dcvEmailDue(CaOrder order) {
						OrderPlanTests.this.dcvEmailsDue.add(order.id());
					}
				}));
	}

	@Test
	void aTwentyFourMonthDvOrderIssuedBeforeMarch2027GetsA199DayCertificateAndAPlanOfTwentyFourCalendarMonths() {
		startAt(TODAY);
		CaOrder order = issuedByDns("first.example.com", 2);

		IssuedCertificate first = order.certificate();
		assertThat(Duration.between(first.notBefore(), first.notAfter())).isEqualTo(Duration.ofDays(199));
		assertThat(order.planEnd()).isEqualTo(first.notBefore().atZone(ZoneOffset.UTC).plusMonths(24).toInstant())
			.isEqualTo(Instant.parse("2028-12-06T10:00:05Z"));
		assertThat(order.certificates()).containsExactly(first);
		assertThat(order.domains())
			.allSatisfy((domain) -> assertThat(domain.validatedAt()).isEqualTo(this.clock.instant()));
	}

	@Test
	void aReissueNearDay133WithinTheDomainValidationReuseIsIssuedAtOnce() {
		startAt(Instant.parse("2026-06-01T10:00:00Z"));
		CaOrder order = issuedByDns("reuse.example.com", 2);
		Instant validatedAt = order.domains().get(0).validatedAt();

		this.clock.advance(Duration.ofDays(133));
		CaOrder reissued = this.desk.reissue(order.id(), csr(key, "reuse.example.com"));

		assertThat(reissued.status()).isEqualTo(OrderStatus.ISSUED);
		assertThat(reissued.certificates()).hasSize(2);
		IssuedCertificate second = reissued.certificate();
		assertThat(second.notBefore())
			.isEqualTo(this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		assertThat(Duration.between(second.notBefore(), second.notAfter())).isEqualTo(Duration.ofDays(199));
		assertThat(reissued.planEnd()).isEqualTo(order.planEnd());
		// the validation was reused, not done again
		assertThat(reissued.domains().get(0).validatedAt()).isEqualTo(validatedAt);
		assertThat(this.changes).containsExactly(order.id() + ":ISSUED");
	}

	@Test
	void aReissueAfterMarch2027WithADomainValidationOlderThan100DaysIsValidatedAgainByItsDnsProofStillInPlace() {
		startAt(TODAY);
		CaOrder order = issuedByDns("redo-dns.example.com", 2);

		this.clock.advance(Duration.ofDays(133));
		CaOrder pending = this.desk.reissue(order.id(), csr(key, "redo-dns.example.com"));
		assertThat(pending.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(pending.step()).isEqualTo(ValidationStep.DOMAIN_CONTROL);
		assertThat(pending.reissuing()).isTrue();
		assertThat(pending.dcvMethod()).isEqualTo("dns-txt-token");
		assertThat(pending.certificate()).isEqualTo(order.certificate());

		// nobody acts: the CA's own look finds the record that is still there
		this.clock.advance(CHECK_INTERVAL);
		this.desk.runDue();
		CaOrder reissued = this.desk.find(order.id());
		assertThat(reissued.status()).isEqualTo(OrderStatus.ISSUED);
		assertThat(this.changes).containsExactly(order.id() + ":ISSUED", order.id() + ":DOMAIN_CONTROL",
				order.id() + ":ISSUED");
		IssuedCertificate second = reissued.certificate();
		assertThat(Duration.between(second.notBefore(), second.notAfter())).isEqualTo(Duration.ofDays(99));
		assertThat(reissued.domains().get(0).validatedAt()).isEqualTo(this.clock.instant());
	}

	@Test
	void aReissueByEmailWhoseValidationIsTooOldAsksTheApproverAgainAndIsIssuedOnApproval() {
		startAt(TODAY);
		this.desk.autoApprove(false);
		CaOrder order = this.desk.submit(dv("redo-email.example.com", "email", 2));
		this.desk.approve(order.id());
		assertThat(this.dcvEmailsDue).containsExactly(order.id());

		this.clock.advance(Duration.ofDays(133));
		CaOrder pending = this.desk.reissue(order.id(), csr(key, "redo-email.example.com"));
		assertThat(pending.step()).isEqualTo(ValidationStep.DOMAIN_CONTROL);
		assertThat(this.dcvEmailsDue).containsExactly(order.id(), order.id());
		this.clock.advance(Duration.ofHours(1));
		this.desk.runDue();
		assertThat(this.desk.find(order.id()).status()).isEqualTo(OrderStatus.PENDING);

		// what the approver's POST behind the new link does
		CaOrder reissued = this.desk.approve(order.id());
		assertThat(reissued.status()).isEqualTo(OrderStatus.ISSUED);
		assertThat(reissued.certificates()).hasSize(2);
	}

	@Test
	void aReissueByEmailIsApprovedByItselfAfterTheDelayWhileAutoApprovalIsOn() {
		startAt(TODAY);
		CaOrder order = this.desk.submit(dv("redo-auto.example.com", "email", 2));
		this.clock.advance(Duration.ofSeconds(3));
		this.desk.runDue();
		assertThat(this.desk.find(order.id()).status()).isEqualTo(OrderStatus.ISSUED);

		this.clock.advance(Duration.ofDays(133));
		this.desk.reissue(order.id(), csr(key, "redo-auto.example.com"));
		assertThat(this.desk.dueAt(order.id())).isEqualTo(this.clock.instant().plusSeconds(3));
		this.clock.advance(Duration.ofSeconds(3));
		this.desk.runDue();
		assertThat(this.changes).containsExactly(order.id() + ":ISSUED", order.id() + ":DOMAIN_CONTROL",
				order.id() + ":ISSUED");
	}

	@Test
	void reissuedAtTwoThirdsOfEachCertificatesLifeThePlanIsCoveredWithoutAGapAndItsLastCertificateEndsAtItsEnd() {
		startAt(TODAY);
		CaOrder order = issuedByDns("plan.example.com", 2);
		Instant planEnd = order.planEnd();
		int revalidations = 0;
		while (order.certificate().notAfter().isBefore(planEnd)) {
			IssuedCertificate last = order.certificate();
			this.clock.advance(Duration.between(this.clock.instant(), last.notBefore())
				.plus(Duration.between(last.notBefore(), last.notAfter()).multipliedBy(2).dividedBy(3)));
			order = this.desk.reissue(order.id(), csr(key, "plan.example.com"));
			if (order.status() == OrderStatus.PENDING) {
				revalidations++;
				this.clock.advance(CHECK_INTERVAL);
				this.desk.runDue();
				order = this.desk.find(order.id());
			}
			assertThat(order.status()).isEqualTo(OrderStatus.ISSUED);
			IssuedCertificate next = order.certificate();
			assertThat(next.notBefore()).as("no gap").isBeforeOrEqualTo(last.notAfter());
			assertThat(Duration.between(next.notBefore(), next.notAfter()))
				.isLessThanOrEqualTo(BaselineRequirements.longestValidity(next.notBefore()));
		}
		assertThat(order.certificate().notAfter()).isEqualTo(planEnd);
		assertThat(order.certificates().get(1).notAfter().minusSeconds(1)).as("after 2027-03-15 at most 99 days")
			.isBefore(order.certificates().get(1).notBefore().plus(Duration.ofDays(99)));
		assertThat(revalidations).as("some reissues reused the validation, some did not")
			.isPositive()
			.isLessThan(order.certificates().size() - 1);

		this.clock.advance(Duration.between(this.clock.instant(), planEnd));
		long id = order.id();
		int certificates = order.certificates().size();
		assertThatThrownBy(() -> this.desk.reissue(id, csr(key, "plan.example.com")))
			.isInstanceOf(PlanEndedException.class);
		assertThat(this.desk.find(id).certificates()).hasSize(certificates);
	}

	@Test
	void anOvOrderReissuedMoreThan398DaysAfterItsOrganisationValidationGoesThroughTheOvStepsAgain() {
		startAt(TODAY);
		CaOrder order = this.desk.submit(new NewOrder("digicert", "ssl_basic", ValidationLevel.OV, "ref-ov-plan",
				"ov-plan.example.com", List.of(), csr(key, "ov-plan.example.com"), 2, "email", List.of()));
		this.clock.advance(Duration.ofDays(3));
		order = this.desk.find(order.id());
		assertThat(order.status()).isEqualTo(OrderStatus.ISSUED);
		Instant organisationValidated = order.organizationValidatedAt();
		assertThat(organisationValidated).isEqualTo(order.certificate().notBefore());

		// within the 398 days, only the domains are too old: domain control, not the OV
		// steps
		this.clock.advance(Duration.ofDays(133));
		CaOrder domainsOnly = this.desk.reissue(order.id(), csr(key, "ov-plan.example.com"));
		assertThat(domainsOnly.step()).isEqualTo(ValidationStep.DOMAIN_CONTROL);
		assertThat(this.desk.approve(order.id()).organizationValidatedAt()).isEqualTo(organisationValidated);

		this.clock.advance(Duration.between(this.clock.instant(), organisationValidated.plus(Duration.ofDays(399))));
		CaOrder again = this.desk.reissue(order.id(), csr(key, "ov-plan.example.com"));
		assertThat(again.step()).isEqualTo(ValidationStep.DOCUMENTS_REQUESTED);
		for (int day = 1; day <= 3; day++) {
			this.clock.advance(Duration.ofDays(1));
			this.desk.runDue();
		}
		CaOrder reissued = this.desk.find(order.id());
		assertThat(reissued.status()).isEqualTo(OrderStatus.ISSUED);
		assertThat(reissued.organizationValidatedAt()).isEqualTo(reissued.certificate().notBefore());
		assertThat(reissued.certificates()).hasSize(3);
		assertThat(this.changes).endsWith(order.id() + ":DOCUMENTS_REQUESTED",
				order.id() + ":VERIFICATION_CALL_PENDING", order.id() + ":UNDER_REVIEW", order.id() + ":ISSUED");
	}

	@Test
	void aReissueInProgressCannotBeCanceledForARefund() {
		startAt(TODAY);
		CaOrder order = issuedByDns("no-refund.example.com", 1);
		this.clock.advance(Duration.ofDays(133));
		this.desk.reissue(order.id(), csr(key, "no-refund.example.com"));
		assertThatThrownBy(() -> this.desk.cancel(order.id(), "changed my mind"))
			.isInstanceOf(IllegalTransitionException.class);
		assertThat(this.desk.find(order.id()).refunded()).isFalse();
	}

	private CaOrder issuedByDns(String domain, int years) {
		CaOrder order = this.desk.submit(dv(domain, "dns-txt-token", years));
		this.network.putRecord(new TestNetwork.DnsRecord("_dnsauth." + domain, "TXT", order.dcvRandomValue()));
		this.clock.advance(CHECK_INTERVAL);
		this.desk.runDue();
		CaOrder issued = this.desk.find(order.id());
		assertThat(issued.status()).isEqualTo(OrderStatus.ISSUED);
		return issued;
	}

	private static NewOrder dv(String domain, String method, int years) {
		return new NewOrder("digicert", "ssl_dv_geotrust", ValidationLevel.DV, "ref-" + domain, domain, List.of(),
				csr(key, domain), years, method, List.of("admin@" + domain));
	}

}
