package com.rvssl.order.orders;

import java.time.Instant;

/**
 * A reissue asked for and not issued yet: when, whether the platform asked by itself to
 * renew within the plan ({@code automatic}) or the reseller asked, and the serial of the
 * certificate it replaces. The order stays ISSUED meanwhile: the current certificate
 * remains valid until the new one arrives.
 */
public record ReissueUnderway(Instant requestedAt, boolean automatic, String replacingSerial) {
}
