package com.rvssl.kit.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The movable clock was moved forward by {@code by} to {@code now}: periodic work
 * ({@link com.rvssl.kit.work.RepeatingWork}) runs a round at once instead of waiting out
 * its period, so a walk across months needs no short periods.
 */
public record ClockAdvanced(Duration by, Instant now) {
}
