package com.rvssl.order.csr;

import java.util.Optional;

/**
 * A CSR as read off the event loop, for checks that report all of a request's problems at
 * once: what it asks for, or why it is refused, or nothing when no CSR was sent.
 */
public record CsrReading(DecodedCsr decoded, InvalidCsrException refusal) {

	private static final CsrReading NONE = new CsrReading(null, null);

	public static CsrReading none() {
		return NONE;
	}

	public static CsrReading of(DecodedCsr decoded) {
		return new CsrReading(decoded, null);
	}

	public static CsrReading refused(InvalidCsrException refusal) {
		return new CsrReading(null, refusal);
	}

	public boolean present() {
		return decoded != null || refusal != null;
	}

	public Optional<InvalidCsrException> refusalIfAny() {
		return Optional.ofNullable(refusal);
	}

}
