package com.rvssl.sandbox.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

}
