package com.rvssl.contracts.events;

import java.time.Instant;

/**
 * An issued certificate is {@code daysLeft} (30, 7 or 1) days from {@code notAfter}: time
 * to remind the customer and the reseller to renew. Published once per order and reminder
 * day.
 */
public record RenewalDue(int daysLeft, Instant notAfter, String commonName) implements OrderEvent {
}
