package com.rvssl.notify.messaging;

import com.rvssl.notify.recipients.Resellers;
import reactor.core.publisher.Mono;

/**
 * Where a reseller's email goes: its own address from {@code ResellerRegistered}, or the
 * operator's while the reseller is unknown here (registered before this service kept a
 * log, or its event is still on its way on the accounts topic), so that nothing is
 * silently lost.
 */
record ResellerAddress(String name, String email) {

	static Mono<ResellerAddress> lookUp(Resellers resellers, String resellerId, String operatorEmail) {
		return resellers.findById(resellerId)
			.filter(reseller -> reseller.email() != null && !reseller.email().isBlank())
			.map(reseller -> new ResellerAddress(reseller.name(), reseller.email()))
			.defaultIfEmpty(new ResellerAddress(null, operatorEmail));
	}

}
