package com.rvssl.notify.email;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;

import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.CreditToppedUp;
import com.rvssl.notify.recipients.OrderContact;

/**
 * The plain-text emails. Deliberately code, not a template engine: four short texts, checked by the
 * compiler, rendered once when the event arrives and stored with the delivery.
 */
public final class EmailTemplates {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final String SIGNATURE = "\n--\nRVssl certificates, RV Global Soft\n";

	private EmailTemplates() {
	}

	public static EmailMessage certificateIssued(String orderId, OrderContact contact, CertificateIssued issued) {
		String subject = "Your SSL certificate for " + contact.mainDomain() + " has been issued";
		String body = """
				Hello %s,

				your SSL certificate for %s has been issued.

				Order:          %s
				Product:        %s
				Serial number:  %s
				Issuer:         %s
				Valid from:     %s
				Valid until:    %s

				The certificate with its chain (PEM) follows. Your private key never left your server
				and is not part of this email.

				%s""".formatted(greeting(contact.customerName()), String.join(", ", contact.domains()), orderId,
				contact.productCode(), issued.serialNumber(), issued.issuer(), format(issued.notBefore()),
				format(issued.notAfter()), issued.pemChain());
		return new EmailMessage(subject, body + SIGNATURE);
	}

	public static EmailMessage certificateRejected(String orderId, OrderContact contact, CertificateRejected rejected) {
		String subject = "Your SSL certificate for " + contact.mainDomain() + " could not be issued";
		String body = """
				Hello %s,

				the certificate authority declined to issue the certificate for %s.

				Order:   %s
				Reason:  %s

				Your provider has been told and will refund or help you place a new order.
				""".formatted(greeting(contact.customerName()), String.join(", ", contact.domains()), orderId,
				(rejected.reason() != null) ? rejected.reason() : "not given by the certificate authority");
		return new EmailMessage(subject, body + SIGNATURE);
	}

	public static EmailMessage waitingForPayment(String orderId, String resellerName, CreditInsufficient insufficient) {
		String subject = "Order " + orderId + " is waiting for payment";
		String body = """
				Hello %s,

				order %s needs more credit than your account holds, so it waits for payment.

				Required:         %s
				Current balance:  %s

				Top up your credit and the order goes ahead by itself.
				""".formatted(greeting(resellerName), orderId, format(insufficient.required()),
				format(insufficient.balance()));
		return new EmailMessage(subject, body + SIGNATURE);
	}

	public static EmailMessage creditReceipt(String resellerName, CreditToppedUp toppedUp) {
		String subject = "Receipt: " + format(toppedUp.amount()) + " added to your RVssl credit";
		String body = """
				Hello %s,

				we received your payment and added it to your credit.

				Amount:         %s
				New balance:    %s
				Reference:      %s

				Orders that were waiting for payment go ahead now if the credit covers them.
				""".formatted(greeting(resellerName), format(toppedUp.amount()), format(toppedUp.balanceAfter()),
				toppedUp.reference());
		return new EmailMessage(subject, body + SIGNATURE);
	}

	/** {@code USD 12.99} from 1299 minor units, with the currency's own number of decimals. */
	static String format(Money money) {
		if (money == null) {
			return "unknown";
		}
		int digits = Math.max(Currency.getInstance(money.currency()).getDefaultFractionDigits(), 0);
		return money.currency() + " " + BigDecimal.valueOf(money.amount(), digits).toPlainString();
	}

	private static String format(TemporalAccessor instant) {
		return (instant != null) ? DATE_TIME.format(instant) : "unknown";
	}

	private static String greeting(String name) {
		return (name != null && !name.isBlank()) ? name : "there";
	}

}
