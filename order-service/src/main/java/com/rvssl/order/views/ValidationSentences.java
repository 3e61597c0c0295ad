package com.rvssl.order.views;

import java.util.Optional;

import com.rvssl.contracts.DcvInstruction;
import com.rvssl.order.orders.ValidationProgress;

/**
 * What the customer has to do now, in words, from the CA's latest validation stage and
 * instructions.
 */
final class ValidationSentences {

	private ValidationSentences() {
	}

	/**
	 * Empty when the CA said nothing the customer can act on (the caller falls back to
	 * the DCV hint).
	 */
	static Optional<String> forClient(ValidationProgress progress) {
		if (progress.stage() == null) {
			return Optional.empty();
		}
		return switch (progress.stage()) {
			case DCV_PENDING -> progress.dcv().isEmpty() ? Optional.empty() : Optional.of(dcv(progress));
			case DOCUMENTS_REQUESTED -> Optional.of("The certificate authority needs your organisation's documents;"
					+ " please send them when it asks.");
			case VERIFICATION_CALL_PENDING -> Optional.of("The certificate authority will call your organisation to"
					+ " verify the order; please take the call.");
			case UNDER_REVIEW -> Optional.of("The certificate authority is reviewing your organisation's details;"
					+ " nothing is needed from you.");
		};
	}

	private static String dcv(ValidationProgress progress) {
		DcvInstruction first = progress.dcv().get(0);
		int others = progress.dcv().size() - 1;
		String more = (others > 0) ? " Do the same for " + others + " more domain" + ((others > 1) ? "s" : "")
				+ " (see the validation details)." : "";
		return switch (first.method()) {
			case EMAIL -> "Approve the email sent to " + first.target() + " for " + first.domain() + "." + more;
			case HTTP -> "Publish the file " + first.target()
					+ ((first.value() != null)
							? " containing \"" + String.join(" / ", first.value().lines().toList()) + "\"" : "")
					+ "." + more;
			case DNS -> "Add the DNS record " + first.target() + " with the value " + first.value() + "." + more;
		};
	}

}
