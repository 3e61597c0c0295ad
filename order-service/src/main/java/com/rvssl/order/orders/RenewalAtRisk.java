package com.rvssl.order.orders;

import java.time.Instant;

/**
 * The current certificate expires within two weeks ({@code notAfter}) while the plan goes
 * on, and no new certificate has replaced it: status sync said so ({@code since}, the
 * announcement's time) and its operators were alerted. {@code reissueUnderway}: a reissue
 * was requested and the CA still waits for its validation (typically an approval email
 * nobody followed); false when no reissue is being followed at all. Kept while the order
 * is ISSUED with that certificate: the next certificate (or leaving ISSUED) clears it.
 */
public record RenewalAtRisk(Instant notAfter, Instant since, boolean reissueUnderway) {

	/** The same risk, with a reissue now under way or no longer. */
	RenewalAtRisk withReissueUnderway(boolean underway) {
		return new RenewalAtRisk(notAfter, since, underway);
	}

}
