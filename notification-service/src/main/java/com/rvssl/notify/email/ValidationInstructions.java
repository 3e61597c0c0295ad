package com.rvssl.notify.email;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.notify.recipients.OrderContact;

/**
 * The validation email built from what the CA asks, as status sync reports it: the stage
 * (domain control, documents, verification call) and, per domain still to prove, exactly
 * what to do (the approver address, the URL and content of the file, the DNS record's
 * name and value). Also says when two updates ask the same of the customer, so that only
 * a changed instruction is mailed.
 */
public final class ValidationInstructions {

	private ValidationInstructions() {
	}

	/**
	 * What the customer is asked to do, as a comparable text: equal for two updates that
	 * ask the same (whatever else changed at the CA), different as soon as the stage or
	 * any domain's method, target or value changes.
	 */
	public static String of(CertificateValidationUpdated updated) {
		if (updated.stage() == null && updated.dcv().isEmpty()) {
			// older events say it only in words
			return "status=" + updated.caStatus() + "\ndetail=" + updated.detail();
		}
		return "stage=" + updated.stage() + "\n"
				+ updated.dcv()
					.stream()
					.map(instruction -> instruction.method() + " " + instruction.domain() + " " + instruction.target()
							+ " " + instruction.value())
					.sorted()
					.collect(Collectors.joining("\n"));
	}

	/**
	 * Whether the update asks anything of the customer: once everything is in, the CA
	 * works alone.
	 */
	public static boolean asksTheCustomer(CertificateValidationUpdated updated) {
		return !(updated.stage() == ValidationStage.UNDER_REVIEW && updated.dcv().isEmpty());
	}

	static EmailMessage email(String orderId, OrderContact contact, String brand,
			CertificateValidationUpdated updated) {
		return email(orderId, contact, brand, updated, null);
	}

	/**
	 * The validation email; with {@code renewal} (the reason the CA checks again, said in
	 * a paragraph) it asks for the same steps to renew a certificate within its plan.
	 */
	static EmailMessage email(String orderId, OrderContact contact, String brand, CertificateValidationUpdated updated,
			String renewal) {
		ValidationStage stage = (updated.stage() != null) ? updated.stage() : ValidationStage.DCV_PENDING;
		String domain = contact.mainDomain();
		String subject = switch (stage) {
			case DOCUMENTS_REQUESTED -> "Documents needed for your SSL certificate for " + domain;
			case VERIFICATION_CALL_PENDING -> "Verification call for your SSL certificate for " + domain;
			case DCV_PENDING, UNDER_REVIEW -> "Action needed for your SSL certificate for " + domain;
		};
		if (renewal != null) {
			subject = "Action needed to renew your SSL certificate for " + domain;
		}
		String what = switch (stage) {
			case DOCUMENTS_REQUESTED -> "The certificate authority asks for documents about your organisation"
					+ " (for example its registration and proof of address). Reply to its request or send them to "
					+ brand + ".";
			case VERIFICATION_CALL_PENDING -> "The certificate authority has your documents and will now call your"
					+ " organisation's verified phone number to confirm the order. Please make sure someone who knows"
					+ " about it can take the call.";
			case UNDER_REVIEW -> "The certificate authority has everything it needs and is checking it.";
			case DCV_PENDING -> "Prove that you control "
					+ ((updated.dcv().size() > 1) ? "each domain below" : "the domain") + ", as follows.";
		};
		StringBuilder steps = new StringBuilder(what);
		for (DcvInstruction instruction : updated.dcv()) {
			steps.append("\n\n").append(step(instruction));
		}
		String detail = (updated.detail() != null && !updated.detail().isBlank()) ? updated.detail().strip() : null;
		if (detail != null) {
			steps.append("\n\nWhat the certificate authority says:\n\n    ").append(detail.replace("\n", "\n    "));
		}
		String body = """
				Hello %s,

				%s

				Order:                %s
				Status at the CA:     %s

				%s

				The certificate is issued within minutes of the check passing; you will get it by email.
				""".formatted(EmailTemplates.greeting(contact.customerName()),
				(renewal != null) ? renewal : EmailTemplates.checking(contact), orderId,
				(updated.caStatus() != null) ? updated.caStatus() : "pending", steps);
		return EmailTemplates.branded(brand, subject, body, null, null);
	}

	private static String step(DcvInstruction instruction) {
		String domain = instruction.domain();
		return switch (instruction.method()) {
			case EMAIL -> "For " + domain + ": the certificate authority has sent an approval email to "
					+ orElse(instruction.target(), "the domain's approver address")
					+ ". Open it and click the approval link in it. Nothing arrived? Check the spam folder, or ask"
					+ " your provider to send it again.";
			case HTTP -> "For " + domain + ": publish a file on your web server so that this address answers over"
					+ " plain HTTP (no redirect to another host):\n\n    "
					+ orElse(instruction.target(), "(address not given)") + "\n\nwith exactly this content:\n\n"
					+ indented(instruction.value());
			case DNS -> "For " + domain + ": create this DNS record in the zone of " + domain
					+ ", then wait for it to propagate:\n\n    Name:   " + orElse(instruction.target(), "(not given)")
					+ "\n    Type:   " + recordType(instruction.value()) + "\n    Value:  "
					+ orElse(instruction.value(), "(not given)");
		};
	}

	/** A CNAME points at a host name; anything else the CA hands out is a TXT token. */
	static String recordType(String value) {
		if (value != null && value.strip().toLowerCase(Locale.ROOT).matches("([a-z0-9_-]+\\.){2,}[a-z]{2,}\\.?")) {
			return "CNAME";
		}
		return "TXT";
	}

	private static String indented(String value) {
		if (value == null || value.isEmpty()) {
			return "    (empty)";
		}
		return List.of(value.split("\n")).stream().map(line -> "    " + line).collect(Collectors.joining("\n"));
	}

	private static String orElse(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
