package com.rvssl.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.contracts.events.CertificateRenewalDue;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.CreditLow;
import com.rvssl.contracts.events.CreditToppedUp;
import com.rvssl.contracts.events.DcvChangeRequested;
import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.Event;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CancellationRefused;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.RefundIssued;
import com.rvssl.contracts.events.RenewalDue;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.contracts.events.ResellerRegistered;
import com.rvssl.contracts.events.SubmissionFailed;

/** One fully populated example of every event, by type. */
final class EventSamples {

	static final Money PRICE = Money.of(1299, "USD");

	static final Map<String, Event> ALL = Map.ofEntries(
			sample(new OrderPlaced("digicert-dv", CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", Validation.DV, 12,
					List.of("example.com", "www.example.com"),
					"-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n",
					new Dcv(DcvMethod.EMAIL, "admin@example.com"), new Customer("Ann Lee", "ann@example.com"),
					new Organization("Example Ltd", "GB", "London", "1 High St", "+44 20 0000",
							new Organization.Contact("Bob", "bob@example.com", "+44 20 0001")),
					PRICE, Money.of(2999, "USD"), "whmcs-42")),
			sample(OrderCancelled.requested("customer asked")),
			sample(new CertificateCancelled("customer asked", true, "1000042")),
			sample(new CancellationRefused("the certificate is issued already", "1000042")),
			sample(new PaymentCaptured(PRICE, Money.of(8701, "USD"))),
			sample(new CreditInsufficient(PRICE, Money.of(100, "USD"))),
			sample(new CertificateSubmitted(CertificateAuthority.DIGICERT, "1000042")),
			sample(new SubmissionFailed("CA answered 503", 2, true)),
			sample(new CertificateValidationUpdated("pending", "publish the file at the URL",
					ValidationStage.DCV_PENDING,
					List.of(new DcvInstruction(DcvMethod.HTTP, "shop.example.com",
							"http://shop.example.com/.well-known/pki-validation/fileauth.txt",
							"2f9c1e\nsectigo.com")))),
			sample(new RenewalDue(30, Instant.parse("2027-11-25T10:00:00Z"), "shop.example.com")),
			sample(new CertificateIssued("1000042", "0a1b2c", Instant.parse("2026-11-25T10:00:00Z"),
					Instant.parse("2027-11-25T10:00:00Z"), "CN=RVssl Sandbox Intermediate",
					"-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n")),
			sample(new CertificateRejected("domain on a blocklist")),
			sample(new RefundIssued(PRICE, Money.of(10000, "USD"))),
			sample(new ResellerRegistered("Acme Hosting", "USD", "9f86d081884c7d65", "billing@acme.example")),
			sample(new CreditToppedUp(Money.of(50000, "USD"), Money.of(50000, "USD"), "invoice-7")),
			sample(new CreditLow(Money.of(900, "USD"), Money.of(5000, "USD"))),
			sample(new ReissueRequested(
					"-----BEGIN CERTIFICATE REQUEST-----\nMIIC\n-----END CERTIFICATE REQUEST-----\n", true)),
			sample(new CertificateRenewalDue("0a1b2c", Instant.parse("2026-06-12T10:00:00Z"),
					Instant.parse("2027-11-25T10:00:00Z"))),
			sample(new CertificateExpiringUnrenewed("0a1b2c", Instant.parse("2026-06-12T10:00:00Z"),
					Instant.parse("2027-11-25T10:00:00Z"), true)),
			sample(new DcvResendRequested("admin@example.com")),
			sample(new DcvChangeRequested(new Dcv(DcvMethod.DNS, null))));

	private EventSamples() {
	}

	private static Map.Entry<String, Event> sample(Event event) {
		return Map.entry(event.type(), event);
	}

}
