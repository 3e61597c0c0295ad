package com.rvssl.statussync.api;

import java.time.Instant;

import com.rvssl.statussync.tracking.TrackedOrder;

/** An issued certificate that expires soon: whose it is and when. */
record ExpiringCertificate(String orderId, String resellerId, String caOrderId, Instant notAfter, long daysLeft) {

	static ExpiringCertificate of(TrackedOrder order, Instant now) {
		return new ExpiringCertificate(order.id(), order.resellerId(), order.caOrderId(), order.notAfter(),
				java.time.Duration.between(now, order.notAfter()).toDays());
	}

}
