package com.rvssl.notify.email;

import java.time.Instant;
import java.util.List;

import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.contracts.events.RenewalDue;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.CreditLow;
import com.rvssl.contracts.events.CreditToppedUp;
import com.rvssl.notify.recipients.OrderContact;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailTemplatesTests {

	private static final OrderContact CONTACT = new OrderContact("order-7", "reseller-1", "Ann Lee", "ann@example.com",
			List.of("example.com", "www.example.com"), "digicert-dv", Instant.parse("2026-11-25T09:00:00Z"),
			DcvMethod.EMAIL, "admin@example.com");

	@Test
	void theIssuedEmailNamesTheFirstDomainAndCarriesSerialValidityAndChain() {
		EmailMessage email = EmailTemplates.certificateIssued("order-7", CONTACT, "Acme Hosting",
				new CertificateIssued("ca-1", "0a1b2c", Instant.parse("2026-11-25T10:00:00Z"),
						Instant.parse("2027-11-25T10:00:00Z"), "CN=Sandbox", "-----BEGIN CERTIFICATE-----\nMIIC"));

		assertThat(email.subject()).isEqualTo("Your SSL certificate for example.com has been issued");
		assertThat(email.body()).contains("Hello Ann Lee")
			.contains("0a1b2c")
			.contains("2026-11-25 10:00 UTC")
			.contains("2027-11-25 10:00 UTC")
			.contains("-----BEGIN CERTIFICATE-----\nMIIC")
			.endsWith("--\nAcme Hosting\n");
		assertThat(email.attachmentName()).isEqualTo("example.com.pem");
		assertThat(email.attachment()).isEqualTo("-----BEGIN CERTIFICATE-----\nMIIC");
		assertThat(email.html()).contains("<h2>Acme Hosting</h2>").contains("0a1b2c").contains("<pre>-----BEGIN");
	}

	@Test
	void theEmailDcvInstructionsNameTheApproverAddressAndTheCasWord() {
		EmailMessage email = EmailTemplates.validationUpdated("order-7", CONTACT, "Acme Hosting",
				new CertificateValidationUpdated("pending", "approval email sent to admin@example.com"));

		assertThat(email.subject()).isEqualTo("Action needed for your SSL certificate for example.com");
		assertThat(email.body()).contains("sent an approval email to admin@example.com")
			.contains("click the approval link")
			.contains("approval email sent to admin@example.com");
		assertThat(email.html()).contains("Acme Hosting").contains("admin@example.com");
	}

	@Test
	void theDnsInstructionsQuoteTheRecordTheCaAsksFor() {
		OrderContact dns = new OrderContact("order-8", "reseller-1", "Ann Lee", "ann@example.com",
				List.of("example.com"), "digicert-dv", Instant.parse("2026-11-25T09:00:00Z"), DcvMethod.DNS, null);

		EmailMessage email = EmailTemplates.validationUpdated("order-8", dns, "Acme Hosting",
				new CertificateValidationUpdated("pending", "TXT _dnsauth.example.com = 2x7kq"));

		assertThat(email.body()).contains("DNS TXT record").contains("    TXT _dnsauth.example.com = 2x7kq");
		assertThat(email.html()).contains("<pre>    TXT _dnsauth.example.com = 2x7kq</pre>");
	}

	@Test
	void theDocumentsRequestSaysDocumentsNotDomainControl() {
		EmailMessage email = EmailTemplates.validationUpdated("order-7", CONTACT, "Acme Hosting",
				new CertificateValidationUpdated("documents_requested", null));

		assertThat(email.body()).contains("asks for documents").doesNotContain("approval link");
	}

	@Test
	void aDnsInstructionGivesTheRecordsNameTypeAndValueAndTheHtmlKeepsThemMonospaced() {
		EmailMessage email = EmailTemplates.validationUpdated("order-7", CONTACT, "Acme Hosting",
				new CertificateValidationUpdated("pending", null, ValidationStage.DCV_PENDING,
						List.of(new DcvInstruction(DcvMethod.DNS, "example.com", "_dnsauth.example.com", "2x7kq"))));

		assertThat(email.subject()).isEqualTo("Action needed for your SSL certificate for example.com");
		assertThat(email.body()).contains("For example.com: create this DNS record")
			.contains("    Name:   _dnsauth.example.com\n    Type:   TXT\n    Value:  2x7kq");
		assertThat(email.html()).contains("<pre>    Name:   _dnsauth.example.com");
	}

	@Test
	void aCnameInstructionIsCalledACname() {
		assertThat(ValidationInstructions.recordType("a1b2c3.d4e5f6.sectigo.com")).isEqualTo("CNAME");
		assertThat(ValidationInstructions.recordType("2x7kq9zzpl")).isEqualTo("TXT");
	}

	@Test
	void twoUpdatesAskTheSameWhenOnlyTheCasWordsDiffer() {
		DcvInstruction http = new DcvInstruction(DcvMethod.HTTP, "example.com",
				"http://example.com/.well-known/pki-validation/AB.txt", "token");
		DcvInstruction email = new DcvInstruction(DcvMethod.EMAIL, "www.example.com", "admin@example.com", null);
		String first = ValidationInstructions.of(new CertificateValidationUpdated("pending", "not yet",
				ValidationStage.DCV_PENDING, List.of(http, email)));

		assertThat(ValidationInstructions.of(new CertificateValidationUpdated("needs_approval", "still not",
				ValidationStage.DCV_PENDING, List.of(email, http))))
			.isEqualTo(first);
		assertThat(ValidationInstructions
			.of(new CertificateValidationUpdated("pending", "not yet", ValidationStage.DCV_PENDING,
					List.of(new DcvInstruction(DcvMethod.HTTP, "example.com",
							"http://example.com/.well-known/pki-validation/AB.txt", "other-token"), email))))
			.isNotEqualTo(first);
		assertThat(ValidationInstructions.of(new CertificateValidationUpdated("pending", "not yet",
				ValidationStage.DOCUMENTS_REQUESTED, List.of(http, email))))
			.isNotEqualTo(first);
	}

	@Test
	void nothingIsAskedOfTheCustomerWhileTheCaReviews() {
		assertThat(ValidationInstructions.asksTheCustomer(
				new CertificateValidationUpdated("pending", null, ValidationStage.UNDER_REVIEW, List.of())))
			.isFalse();
		assertThat(ValidationInstructions.asksTheCustomer(new CertificateValidationUpdated("pending", null,
				ValidationStage.VERIFICATION_CALL_PENDING, List.of())))
			.isTrue();
	}

	@Test
	void theRenewalReminderSaysWhenTheCertificateExpiresUnderTheResellersBrand() {
		Instant at = Instant.parse("2026-11-25T10:00:00Z");
		EmailMessage email = EmailTemplates.renewalReminder("order-7", CONTACT, "Acme Hosting",
				new RenewalDue(7, Instant.parse("2026-11-30T12:00:00Z"), "example.com"), at);

		assertThat(email.subject()).isEqualTo("Your SSL certificate for example.com expires in 5 days");
		assertThat(email.body()).contains("Hello Ann Lee")
			.contains("2026-11-30 12:00 UTC")
			.endsWith("--\nAcme Hosting\n");
		assertThat(email.html()).contains("<h2>Acme Hosting</h2>");
		assertThat(EmailTemplates
			.renewalReminder("order-7", CONTACT, "Acme Hosting",
					new RenewalDue(1, Instant.parse("2026-11-25T20:00:00Z"), "example.com"), at)
			.subject()).endsWith("expires within a day");
	}

	@Test
	void theRenewalReminderSaysThePlanEndsWithTheCertificate() {
		EmailMessage email = EmailTemplates.renewalReminder("order-7", CONTACT, "Acme Hosting",
				new RenewalDue(7, Instant.parse("2026-11-30T12:00:00Z"), "example.com"),
				Instant.parse("2026-11-25T10:00:00Z"));

		assertThat(email.body()).contains("and with it the plan you bought ends")
			.contains("Renew the plan before then");
	}

	@Test
	void aRenewalThatNeedsTheCustomerSaysClearlyWhatToDoAndThatTheCurrentCertificateStaysValid() {
		EmailMessage email = EmailTemplates.renewalNeedsAction("order-7", CONTACT, "Acme Hosting",
				new CertificateValidationUpdated("pending", "approval email sent", ValidationStage.DCV_PENDING,
						List.of(new DcvInstruction(DcvMethod.EMAIL, "example.com", "admin@example.com", null))));

		assertThat(email.subject()).isEqualTo("Action needed to renew your SSL certificate for example.com");
		assertThat(email.body()).contains("we are renewing your SSL certificate for example.com within the plan")
			.contains("Your current certificate stays valid")
			.contains("needs you to confirm your order again")
			.contains("For example.com: the certificate authority has sent an approval email to admin@example.com."
					+ " Open it and click the approval link in it.")
			.doesNotContain("is checking your order");
	}

	@Test
	void theRenewedCertificateIsAnnouncedAsRenewedWithinThePlanWithItsExpiryAndAttached() {
		EmailMessage email = EmailTemplates.certificateRenewed("order-7", CONTACT, "Acme Hosting",
				new CertificateIssued("ca-7", "7e57", Instant.parse("2027-05-01T10:00:00Z"),
						Instant.parse("2027-11-25T09:00:00Z"), "CN=CA", "-----BEGIN CERTIFICATE-----\nLEAF\n"));

		assertThat(email.subject()).isEqualTo("Your SSL certificate for example.com was renewed within your plan");
		assertThat(email.body())
			.contains("was renewed within your plan: the new certificate is valid\nuntil 2027-11-25 09:00 UTC.")
			.contains("Install it in place of the current certificate");
		assertThat(email.attachmentName()).isEqualTo("example.com.pem");
	}

	@Test
	void aCertificateExpiringWhileItsRenewalWaitsForValidationTellsTheCustomerToApprove() {
		EmailMessage email = EmailTemplates.renewalAtRisk("order-7", CONTACT, "Acme Hosting",
				new CertificateExpiringUnrenewed("0a1b2c", Instant.parse("2027-05-03T10:00:00Z"),
						Instant.parse("2027-11-25T10:00:00Z"), true));

		assertThat(email.subject())
			.isEqualTo("Your SSL certificate for example.com expires on 2027-05-03: its renewal needs you");
		assertThat(email.body()).contains("Hello Ann Lee")
			.contains("your SSL certificate for example.com, www.example.com expires on 2027-05-03, and\n"
					+ "its renewal within the plan you bought is waiting for you")
			.contains("until you confirm your order again")
			.contains("Expires:        2027-05-03 10:00 UTC")
			.contains("Plan until:     2027-11-25 10:00 UTC")
			.contains("What to do now:\n\nProve that you control the domain: the certificate authority has sent an"
					+ " approval email to admin@example.com. Open it and click the approval link in it.")
			.contains("visitors will see a browser warning")
			.doesNotContain("Please contact")
			.endsWith("--\nAcme Hosting\n");
		assertThat(email.html()).contains("<h2>Acme Hosting</h2>").contains("admin@example.com");
	}

	@Test
	void aCertificateExpiringWithNoRenewalUnderWayTellsTheCustomerToContactTheProvider() {
		EmailMessage email = EmailTemplates.renewalAtRisk("order-7", CONTACT, "Acme Hosting",
				new CertificateExpiringUnrenewed("0a1b2c", Instant.parse("2027-05-03T10:00:00Z"),
						Instant.parse("2027-11-25T10:00:00Z"), false));

		assertThat(email.subject())
			.isEqualTo("Your SSL certificate for example.com expires on 2027-05-03 and has not been renewed yet");
		assertThat(email.body()).contains("its renewal within the plan you bought has not started yet.")
			.contains("Please contact Acme Hosting now (in your client area, or reply to this email)")
			.contains("The renewal is part of the plan you already paid for.")
			.doesNotContain("approval email");
	}

	@Test
	void theLowCreditWarningShowsBalanceAndThreshold() {
		EmailMessage email = EmailTemplates.creditLow("Acme Hosting",
				new CreditLow(Money.of(950, "USD"), Money.of(5000, "USD")));

		assertThat(email.subject()).isEqualTo("Your RVssl credit is low: USD 9.50");
		assertThat(email.body()).contains("Hello Acme Hosting").contains("USD 50.00");
		assertThat(email.html()).contains("USD 9.50");
	}

	@Test
	void theRejectionEmailGivesTheCasReason() {
		EmailMessage email = EmailTemplates.certificateRejected("order-7", CONTACT, "Acme Hosting",
				new CertificateRejected("domain on a blocklist"));

		assertThat(email.subject()).isEqualTo("Your SSL certificate for example.com could not be issued");
		assertThat(email.body()).contains("domain on a blocklist");
	}

	@Test
	void theWaitingForPaymentEmailShowsRequiredAmountAndBalance() {
		EmailMessage email = EmailTemplates.waitingForPayment("order-7", "Acme Hosting",
				new CreditInsufficient(Money.of(1299, "USD"), Money.of(5, "USD")));

		assertThat(email.subject()).isEqualTo("Order order-7 is waiting for payment");
		assertThat(email.body()).contains("Hello Acme Hosting").contains("USD 12.99").contains("USD 0.05");
	}

	@Test
	void theReceiptShowsAmountBalanceAndReference() {
		EmailMessage email = EmailTemplates.creditReceipt(null,
				new CreditToppedUp(Money.of(50000, "USD"), Money.of(51299, "USD"), "invoice-7"));

		assertThat(email.subject()).contains("USD 500.00");
		assertThat(email.body()).contains("Hello there").contains("USD 512.99").contains("invoice-7");
	}

	@Test
	void moneyUsesTheCurrencysOwnDecimals() {
		assertThat(EmailTemplates.format(Money.of(1500, "JPY"))).isEqualTo("JPY 1500");
		assertThat(EmailTemplates.format(Money.of(-250, "EUR"))).isEqualTo("EUR -2.50");
	}

}
