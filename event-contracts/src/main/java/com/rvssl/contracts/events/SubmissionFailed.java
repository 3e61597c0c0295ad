package com.rvssl.contracts.events;

/**
 * A submission attempt failed; with {@code willRetry} the gateway tries again later
 * (shown as retrying).
 */
public record SubmissionFailed(String reason, int attempt, boolean willRetry) implements OrderEvent {
}
