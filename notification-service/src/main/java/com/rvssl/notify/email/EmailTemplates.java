package com.rvssl.notify.email;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;

import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.CreditLow;
import com.rvssl.contracts.events.CreditToppedUp;
import com.rvssl.contracts.events.RenewalDue;
import com.rvssl.notify.recipients.OrderContact;

/**
 * The emails, plain text with an HTML alternative of the same words. Deliberately code,
 * not a template engine: a few short texts, checked by the compiler, rendered once when
 * the event arrives and stored with the delivery. Customers' emails carry their
 * reseller's brand (the name the reseller registered with), resellers' emails RVssl's.
 */
public final class EmailTemplates {

	/**
	 * The brand of emails to resellers, and of customers' while their reseller's name is
	 * unknown.
	 */
	public static final String RVSSL = "RVssl certificates, RV Global Soft";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private EmailTemplates() {
	}

	public static EmailMessage certificateIssued(String orderId, OrderContact contact, String brand,
			CertificateIssued issued) {
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

				The certificate with its chain (PEM) is attached as %s and follows here. Install it
				with the private key you made the request with: the key never left your server and is
				not part of this email.

				%s""".formatted(greeting(contact.customerName()), String.join(", ", contact.domains()), orderId,
				contact.productCode(), issued.serialNumber(), issued.issuer(), format(issued.notBefore()),
				format(issued.notAfter()), attachmentName(contact), issued.pemChain());
		return branded(brand, subject, body, attachmentName(contact), issued.pemChain());
	}

	public static EmailMessage certificateRejected(String orderId, OrderContact contact, String brand,
			CertificateRejected rejected) {
		String subject = "Your SSL certificate for " + contact.mainDomain() + " could not be issued";
		String body = """
				Hello %s,

				the certificate authority declined to issue the certificate for %s.

				Order:   %s
				Reason:  %s

				%s has been told and will refund or help you place a new order.
				""".formatted(greeting(contact.customerName()), String.join(", ", contact.domains()), orderId,
				(rejected.reason() != null) ? rejected.reason() : "not given by the certificate authority", brand);
		return branded(brand, subject, body, null, null);
	}

	/**
	 * What the customer must do now for the CA to go on: approve the email, publish the
	 * file or the DNS record (as the CA's detail says), send documents or take the
	 * verification call.
	 */
	public static EmailMessage validationUpdated(String orderId, OrderContact contact, String brand,
			CertificateValidationUpdated updated) {
		return validationUpdated(orderId, contact, brand, updated, null);
	}

	/**
	 * The CA checks again while the certificate is renewed within the customer's plan
	 * (its earlier check has lapsed): what the customer must do for the renewed
	 * certificate, and that the current one stays valid meanwhile.
	 */
	public static EmailMessage renewalNeedsAction(String orderId, OrderContact contact, String brand,
			CertificateValidationUpdated updated) {
		String renewal = """
				we are renewing your SSL certificate for %s within the plan you bought, so that it never
				expires while your plan runs. Your current certificate stays valid and installed meanwhile.

				The certificate authority needs you to confirm your order again (its earlier check has
				lapsed): the renewed certificate is issued only after this step.""".formatted(contact.mainDomain());
		return validationUpdated(orderId, contact, brand, updated, renewal);
	}

	/**
	 * The certificate was renewed within the customer's plan: the new certificate,
	 * attached, and until when it is valid.
	 */
	public static EmailMessage certificateRenewed(String orderId, OrderContact contact, String brand,
			CertificateIssued issued) {
		String subject = "Your SSL certificate for " + contact.mainDomain() + " was renewed within your plan";
		String body = """
				Hello %s,

				your SSL certificate for %s was renewed within your plan: the new certificate is valid
				until %s.

				Order:          %s
				Product:        %s
				Serial number:  %s
				Issuer:         %s
				Valid from:     %s
				Valid until:    %s

				Install it in place of the current certificate, with the same private key you made the
				request with (the key never left your server and is not part of this email). The current
				certificate stays valid until it expires, so there is no hurry, but do not wait for it to
				run out. The certificate with its chain (PEM) is attached as %s and follows here.

				%s""".formatted(greeting(contact.customerName()), String.join(", ", contact.domains()),
				format(issued.notAfter()), orderId, contact.productCode(), issued.serialNumber(), issued.issuer(),
				format(issued.notBefore()), format(issued.notAfter()), attachmentName(contact), issued.pemChain());
		return branded(brand, subject, body, attachmentName(contact), issued.pemChain());
	}

	/**
	 * The current certificate expires within two weeks and its renewal within the plan
	 * has not been issued: with a reissue waiting for validation, what the customer must
	 * do now (confirm the order with the CA, as the validation method says); without one,
	 * to contact the provider. Sent once per certificate (status sync announces it once
	 * per serial; the delivery log keeps a redelivery from sending it twice).
	 */
	public static EmailMessage renewalAtRisk(String orderId, OrderContact contact, String brand,
			CertificateExpiringUnrenewed expiring) {
		String expires = (expiring.notAfter() != null) ? "expires on " + DAY.format(expiring.notAfter())
				: "expires soon";
		String subject = "Your SSL certificate for " + contact.mainDomain() + " " + expires
				+ (expiring.reissueUnderway() ? ": its renewal needs you" : " and has not been renewed yet");
		String why = expiring.reissueUnderway()
				? "its renewal within the plan you bought is waiting for you: the certificate authority cannot issue\n"
						+ "the renewed certificate until you confirm your order again."
				: "its renewal within the plan you bought has not started yet.";
		String what = expiring.reissueUnderway() ? "What to do now:\n\n" + instructions(contact, "pending", null)
				+ "\n\nOnce this is done, the renewed certificate is issued within minutes and you get it by email."
				: "Please contact " + brand + " now (in your client area, or reply to this email) so that the\n"
						+ "certificate is renewed before it expires. The renewal is part of the plan you already paid for.";
		String body = """
				Hello %s,

				your SSL certificate for %s %s, and
				%s

				Order:          %s
				Product:        %s
				Expires:        %s
				Plan until:     %s

				%s

				If the certificate is not renewed before it expires, visitors will see a browser warning.
				""".formatted(greeting(contact.customerName()), String.join(", ", contact.domains()), expires, why,
				orderId, contact.productCode(), format(expiring.notAfter()), format(expiring.planEnd()), what);
		return branded(brand, subject, body, null, null);
	}

	/** "the certificate authority is checking your order for ... and waits for you." */
	static String checking(OrderContact contact) {
		return "the certificate authority is checking your order for " + String.join(", ", contact.domains())
				+ " and waits for you.";
	}

	private static EmailMessage validationUpdated(String orderId, OrderContact contact, String brand,
			CertificateValidationUpdated updated, String renewal) {
		if (updated.stage() != null || !updated.dcv().isEmpty()) {
			return ValidationInstructions.email(orderId, contact, brand, updated, renewal);
		}
		String detail = (updated.detail() != null && !updated.detail().isBlank()) ? updated.detail().strip() : null;
		String status = (updated.caStatus() != null) ? updated.caStatus() : "pending";
		String subject = ((renewal != null) ? "Action needed to renew your SSL certificate for "
				: "Action needed for your SSL certificate for ") + contact.mainDomain();
		String body = """
				Hello %s,

				%s

				Order:                %s
				Status at the CA:     %s

				%s

				The certificate is issued within minutes of the check passing; you will get it by email.
				""".formatted(greeting(contact.customerName()), (renewal != null) ? renewal : checking(contact),
				orderId, status, instructions(contact, status, detail));
		return branded(brand, subject, body, null, null);
	}

	/**
	 * The customer's renewal reminder, for the last certificate of a plan (within the
	 * plan the platform renews by itself): when the certificate and the plan end and what
	 * to do (renew with the provider, then install the new certificate). {@code at} is
	 * when the reminder was raised.
	 */
	public static EmailMessage renewalReminder(String orderId, OrderContact contact, String brand, RenewalDue due,
			Instant at) {
		String domain = commonName(contact, due);
		String subject = "Your SSL certificate for " + domain + " expires " + inDays(due, at);
		String body = """
				Hello %s,

				your SSL certificate for %s expires %s, on %s, and with it the plan you bought ends.

				Order:          %s
				Product:        %s

				Renew the plan before then, so that visitors never see a browser warning: order the
				renewal from %s (in your client area, or reply to this email). Once the new certificate
				is issued you get it by email; install it in place of the current one.
				""".formatted(greeting(contact.customerName()), domain, inDays(due, at), format(due.notAfter()),
				orderId, contact.productCode(), brand);
		return branded(brand, subject, body, null, null);
	}

	/**
	 * The reseller's copy of a renewal reminder: whose certificate, when, and that the
	 * customer was told.
	 */
	public static EmailMessage renewalReminderForReseller(String orderId, String resellerName, OrderContact contact,
			RenewalDue due, Instant at) {
		String domain = commonName(contact, due);
		String subject = "Certificate for " + domain + " (order " + orderId + ") expires " + inDays(due, at);
		String customer = (contact == null) ? "unknown" : greeting(contact.customerName())
				+ ((contact.customerEmail() != null) ? " <" + contact.customerEmail() + ">" : "");
		String body = """
				Hello %s,

				a certificate you sold expires %s, on %s: the last of its plan.

				Domain:         %s
				Order:          %s
				Customer:       %s

				%s
				""".formatted(greeting(resellerName), inDays(due, at), format(due
			.notAfter()), domain, orderId, customer, (contact != null && contact.customerEmail() != null)
					? "The customer has been sent a reminder too. The plan ends with this certificate: a renewal is a"
							+ " new order through WHMCS."
					: "We could not remind the customer (no address known). The plan ends with this certificate: a"
							+ " renewal is a new order through WHMCS.");
		return branded(RVSSL, subject, body, null, null);
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
		return branded(RVSSL, subject, body, null, null);
	}

	public static EmailMessage creditLow(String resellerName, CreditLow low) {
		String subject = "Your RVssl credit is low: " + format(low.balance());
		String body = """
				Hello %s,

				your credit has fallen below the threshold you set.

				Current balance:  %s
				Threshold:        %s

				Orders that need more than the balance wait for payment until you top up.
				""".formatted(greeting(resellerName), format(low.balance()), format(low.threshold()));
		return branded(RVSSL, subject, body, null, null);
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
		return branded(RVSSL, subject, body, null, null);
	}

	/**
	 * {@code USD 12.99} from 1299 minor units, with the currency's own number of
	 * decimals.
	 */
	static String format(Money money) {
		if (money == null) {
			return "unknown";
		}
		int digits = Math.max(Currency.getInstance(money.currency()).getDefaultFractionDigits(), 0);
		return money.currency() + " " + BigDecimal.valueOf(money.amount(), digits).toPlainString();
	}

	private static String instructions(OrderContact contact, String status, String detail) {
		String lower = status.toLowerCase(java.util.Locale.ROOT) + " "
				+ ((detail != null) ? detail.toLowerCase(java.util.Locale.ROOT) : "");
		String what;
		if (lower.contains("document")) {
			what = "The certificate authority asks for documents about your organisation. Reply to its"
					+ " request or send them to your provider.";
		}
		else if (lower.contains("call") || lower.contains("phone")) {
			what = "The certificate authority will call your organisation's verified phone number to"
					+ " confirm the order. Please make sure someone can take the call.";
		}
		else if (contact.dcvMethod() == DcvMethod.HTTP) {
			what = "Prove that you control the domain: publish the file the certificate authority asks for"
					+ " on your web server, under http://" + contact.mainDomain()
					+ "/.well-known/pki-validation/, reachable over plain HTTP.";
		}
		else if (contact.dcvMethod() == DcvMethod.DNS) {
			what = "Prove that you control the domain: create the DNS TXT record the certificate authority"
					+ " asks for in the zone of " + contact.mainDomain() + ", then wait for it to propagate.";
		}
		else {
			String approver = (contact.approverEmail() != null) ? contact.approverEmail()
					: "the domain's approver address";
			what = "Prove that you control the domain: the certificate authority has sent an approval email to "
					+ approver + ". Open it and click the approval link in it. Nothing arrived? Check the spam"
					+ " folder, or ask your provider to send it again.";
		}
		return (detail != null)
				? what + "\n\nWhat the certificate authority says:\n\n    " + detail.replace("\n", "\n    ") : what;
	}

	static EmailMessage branded(String brand, String subject, String body, String attachmentName, String attachment) {
		String signed = body + "\n--\n" + brand + "\n";
		return new EmailMessage(subject, signed, HtmlLayout.render(brand, subject, signed), attachmentName, attachment);
	}

	private static String commonName(OrderContact contact, RenewalDue due) {
		if (due.commonName() != null && !due.commonName().isBlank()) {
			return due.commonName();
		}
		return (contact != null) ? contact.mainDomain() : "your domain";
	}

	/**
	 * "in 5 days", "within a day": the real time left, which may be less than the
	 * reminder's day.
	 */
	private static String inDays(RenewalDue due, Instant at) {
		long days = java.time.Duration.between(at, due.notAfter()).toDays();
		if (days < 1) {
			return "within a day";
		}
		return (days == 1) ? "in 1 day" : "in " + days + " days";
	}

	private static String attachmentName(OrderContact contact) {
		return contact.mainDomain().replace('*', '_') + ".pem";
	}

	static String format(TemporalAccessor instant) {
		return (instant != null) ? DATE_TIME.format(instant) : "unknown";
	}

	static String greeting(String name) {
		return (name != null && !name.isBlank()) ? name : "there";
	}

}
