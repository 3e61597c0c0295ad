package com.rvssl.statussync.tracking;

import java.time.Duration;
import java.time.Instant;

/**
 * When a certificate of a plan that goes on is due for its successor: {@code fraction} of
 * its lifetime after its notBefore ({@code rvssl.sync.reissue-at-fraction}, default
 * 0.667), which leaves a third of it for the reissue, a validation the CA may ask again
 * and the customer's installation of the new certificate.
 *
 * @param fraction of the certificate's lifetime, strictly between 0 and 1
 */
public record ReissuePoint(double fraction) {

	public static final double DEFAULT_FRACTION = 0.667;

	public ReissuePoint {
		if (!(fraction > 0 && fraction < 1)) {
			throw new IllegalArgumentException("the reissue point is a fraction between 0 and 1, not " + fraction);
		}
	}

	/**
	 * The reissue point of a certificate valid from {@code notBefore} to
	 * {@code notAfter}.
	 */
	public Instant of(Instant notBefore, Instant notAfter) {
		long lifetimeMillis = Math.max(Duration.between(notBefore, notAfter).toMillis(), 0);
		return notBefore.plusMillis(Math.round(lifetimeMillis * fraction));
	}

}
