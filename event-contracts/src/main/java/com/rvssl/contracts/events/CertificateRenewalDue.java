package com.rvssl.contracts.events;

import java.time.Instant;

/**
 * The order's current certificate (serial {@code serialNumber}, valid until
 * {@code notAfter}) has passed its reissue point while the plan the reseller paid for
 * runs on until {@code planEnd}: time to reissue within the plan so the customer is never
 * uncovered. Published by status-sync once per certificate serial; order-service answers
 * with an automatic {@link ReissueRequested}.
 */
public record CertificateRenewalDue(String serialNumber, Instant notAfter, Instant planEnd) implements OrderEvent {
}
