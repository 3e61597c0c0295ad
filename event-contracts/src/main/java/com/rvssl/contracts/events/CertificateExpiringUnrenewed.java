package com.rvssl.contracts.events;

import java.time.Instant;

/**
 * The order's current certificate (serial {@code serialNumber}) expires at
 * {@code notAfter}, within two weeks, while the plan runs on until {@code planEnd}, and
 * no new certificate has replaced it yet: the customer is about to be uncovered.
 * {@code reissueUnderway} is true when the reissue was requested and the CA is still
 * validating it (typically an approval email nobody followed), false when no reissue is
 * being followed at all. Published by status-sync once per certificate serial, so
 * order-service can say why in every view and the customer can be told what to do.
 */
public record CertificateExpiringUnrenewed(String serialNumber, Instant notAfter, Instant planEnd,
		boolean reissueUnderway) implements OrderEvent {
}
