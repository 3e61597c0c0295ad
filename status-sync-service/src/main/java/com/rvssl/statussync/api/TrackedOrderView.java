package com.rvssl.statussync.api;

import java.time.Instant;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.statussync.gateway.CaOrderStatus;
import com.rvssl.statussync.tracking.TrackedOrder;
import com.rvssl.statussync.tracking.TrackingState;

/**
 * A tracked order as the internal admin API shows it (no outbox payloads, no lease
 * internals), with its current certificate's expiry, its plan's end and the current
 * certificate's reissue point (while its successor is still to be announced).
 */
public record TrackedOrderView(String orderId, String resellerId, CertificateAuthority ca, String caOrderId,
		TrackingState state, CaOrderStatus lastStatus, String lastCaStatus, String lastDetail, Instant submittedAt,
		Instant nextCheckAt, int checks, int consecutiveFailures, String lastError, Instant finishedAt,
		int pendingEvents, Instant notAfter, Integer termMonths, Instant planEnd, Instant reissueDueAt) {

	static TrackedOrderView of(TrackedOrder order) {
		return new TrackedOrderView(order.id(), order.resellerId(), order.ca(), order.caOrderId(), order.state(),
				order.lastStatus(), order.lastCaStatus(), order.lastDetail(), order.submittedAt(), order.nextCheckAt(),
				order.checks(), order.consecutiveFailures(), order.lastError(), order.finishedAt(),
				order.outbox().size(), order.notAfter(), order.termMonths(), order.planEnd(), order.reissueDueAt());
	}

}
