package com.rvssl.gateway.submission;

import java.time.Instant;

/**
 * A request about an order already at (or on its way to) the CA, and what became of it.
 *
 * @param eventId the event that asked for it (each is applied once)
 * @param kind {@code REISSUE}, {@code DCV_RESEND} or {@code DCV_CHANGE}
 * @param outcome {@code DONE}, {@code CSR_REPLACED} / {@code DCV_REPLACED} (not at the CA
 * yet: the new CSR or DCV method is submitted), {@code REFUSED}, {@code UNAVAILABLE} or
 * {@code IGNORED}
 * @param detail the CA's reason, or why it was ignored
 */
public record CaAction(String eventId, String kind, String outcome, String detail, Instant at) {

	static final String REISSUE = "REISSUE";

	static final String DCV_RESEND = "DCV_RESEND";

	static final String DCV_CHANGE = "DCV_CHANGE";

}
