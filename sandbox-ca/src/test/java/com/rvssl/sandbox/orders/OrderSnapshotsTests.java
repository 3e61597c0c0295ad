package com.rvssl.sandbox.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rvssl.sandbox.SandboxProperties;

class OrderSnapshotsTests {

	@TempDir
	Path directory;

	@Test
	void aSnapshotWrittenBeforeReissuesAndRefundsExistedStillLoads() throws Exception {
		// an order as the first sandbox version saved it: no reissues, no refunded
		Files.writeString(this.directory.resolve("orders.json"), """
				{"nextId":100010,"orders":[{"id":100001,"api":"digicert","product":"ssl_basic","validation":"OV",
				"reference":"ref-1","commonName":"old.example.com","dnsNames":["old.example.com"],"csr":"x",
				"years":1,"dcvMethod":"email","dcvEmails":[],"certificateId":100002,"requestId":100003,
				"domains":[{"id":100004,"name":"old.example.com"}],"dcvRandomValue":"ab",
				"createdAt":"2026-11-25T10:00:00Z","status":"PENDING","updatedAt":"2026-11-25T10:00:00Z",
				"certificate":null,"rejectionReason":null,"note":null,"dcvEmailsResent":2}]}
				""");

		OrderSnapshots.Snapshot snapshot = new OrderSnapshots(this.directory).load();

		assertThat(snapshot.orders()).singleElement().satisfies((order) -> {
			assertThat(order.dcvEmailsResent()).isEqualTo(2);
			assertThat(order.reissues()).isZero();
			assertThat(order.refunded()).isFalse();
		});
	}

	@Test
	void aSnapshotWrittenBeforePlansExistedCountsThePlanFromItsOneCertificate() throws Exception {
		Files.writeString(this.directory.resolve("orders.json"), """
				{"nextId":100010,"orders":[{"id":100001,"api":"sectigo","product":"287","validation":"DV",
				"reference":"ref-2","commonName":"old.example.com","dnsNames":["old.example.com"],"csr":"x",
				"years":2,"dcvMethod":"EMAIL","dcvEmails":[],"certificateId":100002,"requestId":100003,
				"domains":[{"id":100004,"name":"old.example.com"}],"dcvRandomValue":"ab",
				"createdAt":"2026-11-25T10:00:00Z","status":"ISSUED","updatedAt":"2026-11-25T10:00:03Z",
				"certificate":{"serialNumber":"0a","notBefore":"2026-11-25T10:00:03Z",
				"notAfter":"2027-11-25T10:00:03Z","pem":"x"},"rejectionReason":null,"note":null,"dcvEmailsResent":0}]}
				""");

		CaOrder order = new OrderSnapshots(this.directory).load().orders().get(0);

		assertThat(order.certificates()).containsExactly(order.certificate());
		assertThat(order.planEnd()).isEqualTo(Instant.parse("2028-11-25T10:00:03Z"));
		// never validated as far as the book knows: a reissue validates again
		assertThat(order.domains().get(0).validatedAt()).isNull();
	}

	@Test
	void aBookWrittenBeforeAccountsExistedGivesEachOrderItsApisDefaultAccount() throws Exception {
		Files.writeString(this.directory.resolve("orders.json"),
				"""
						{"nextId":100020,"orders":[
						{"id":100001,"api":"digicert","product":"ssl_basic","validation":"DV","reference":"ref-4",
						"commonName":"a.example.com","dnsNames":["a.example.com"],"csr":"x","years":1,"dcvMethod":"email",
						"dcvEmails":[],"certificateId":100002,"requestId":100003,"domains":[{"id":100004,"name":"a.example.com"}],
						"dcvRandomValue":"ab","createdAt":"2026-11-25T10:00:00Z","status":"CANCELED",
						"updatedAt":"2026-11-25T10:00:00Z"},
						{"id":100005,"api":"sectigo","product":"287","validation":"DV","reference":"ref-5",
						"commonName":"b.example.com","dnsNames":["b.example.com"],"csr":"x","years":1,"dcvMethod":"EMAIL",
						"dcvEmails":[],"certificateId":100006,"requestId":100007,"domains":[{"id":100008,"name":"b.example.com"}],
						"dcvRandomValue":"ab","createdAt":"2026-11-25T10:00:00Z","status":"CANCELED",
						"updatedAt":"2026-11-25T10:00:00Z"}]}
						""");
		SandboxProperties properties = new SandboxProperties(this.directory,
				new SandboxProperties.Digicert("key",
						new SandboxProperties.Limits(100, Duration.ofSeconds(5), 1000, Duration.ofMinutes(5))),
				new SandboxProperties.Dv(true, Duration.ofSeconds(3)));

		CaOrderBook book = new CaOrderBook(properties);

		assertThat(book.all()).extracting(CaOrder::account).containsExactly("default", "sandbox-reseller");
	}

	@Test
	void anOrdersPlanAndValidationsSurviveASaveAndALoad() {
		IssuedCertificate first = new IssuedCertificate("0a", Instant.parse("2026-12-06T10:00:00Z"),
				Instant.parse("2027-06-23T10:00:00Z"), "x");
		IssuedCertificate second = new IssuedCertificate("0b", Instant.parse("2027-04-18T10:00:00Z"),
				Instant.parse("2027-07-26T10:00:00Z"), "y");
		CaOrder order = new CaOrder(100001, "digicert", "ssl_basic", ValidationLevel.OV, "ref-3", "plan.example.com",
				List.of("plan.example.com"), "x", 2, "email", List.of(), 100002, 100003,
				List.of(new Domain(100004, "plan.example.com", Instant.parse("2027-04-18T10:00:00Z"))), "ab",
				Instant.parse("2026-12-03T10:00:00Z"), OrderStatus.ISSUED, Instant.parse("2027-04-18T10:00:00Z"),
				second, null, null, 0, 1, false, null, null, Instant.parse("2028-12-06T10:00:00Z"),
				List.of(first, second), Instant.parse("2026-12-06T10:00:00Z"), "second");
		OrderSnapshots snapshots = new OrderSnapshots(this.directory);

		snapshots.save(new OrderSnapshots.Snapshot(100010, List.of(order)));

		assertThat(snapshots.load().orders()).containsExactly(order);
	}

}
