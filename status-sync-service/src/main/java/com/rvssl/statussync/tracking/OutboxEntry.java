package com.rvssl.statussync.tracking;

/** An event waiting to be published: its id (to {@code $pull} it once acked) and its envelope's JSON. */
public record OutboxEntry(String eventId, String envelope) {
}
