package com.rvssl.notify.email;

import java.time.Instant;
import java.util.List;

import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.CreditToppedUp;
import com.rvssl.notify.recipients.OrderContact;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailTemplatesTests {

	private static final OrderContact CONTACT = new OrderContact("order-7", "reseller-1", "Ann Lee", "ann@example.com",
			List.of("example.com", "www.example.com"), "digicert-dv", Instant.parse("2026-11-25T09:00:00Z"));

	@Test
	void theIssuedEmailNamesTheFirstDomainAndCarriesSerialValidityAndChain() {
		EmailMessage email = EmailTemplates.certificateIssued("order-7", CONTACT,
				new CertificateIssued("ca-1", "0a1b2c", Instant.parse("2026-11-25T10:00:00Z"),
						Instant.parse("2027-11-25T10:00:00Z"), "CN=Sandbox", "-----BEGIN CERTIFICATE-----\nMIIC"));

		assertThat(email.subject()).isEqualTo("Your SSL certificate for example.com has been issued");
		assertThat(email.body()).contains("Hello Ann Lee")
			.contains("0a1b2c")
			.contains("2026-11-25 10:00 UTC")
			.contains("2027-11-25 10:00 UTC")
			.contains("-----BEGIN CERTIFICATE-----\nMIIC");
	}

	@Test
	void theRejectionEmailGivesTheCasReason() {
		EmailMessage email = EmailTemplates.certificateRejected("order-7", CONTACT,
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
