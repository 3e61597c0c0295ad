package com.rvssl.sandbox.api.digicert;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.rvssl.sandbox.orders.CaOrder;

/** The 201 reply to an order. */
record OrderCreated(long id, @JsonProperty("certificate_id") long certificateId, List<Request> requests,
		List<Domain> domains, @JsonProperty("dcv_random_value") String dcvRandomValue) {

	record Request(long id, String status) {
	}

	record Domain(long id, String name) {
	}

	/**
	 * The 201 reply to a reissue: the order and the new request, {@code pending} while
	 * the reissue waits for validation again.
	 */
	record Reissued(long id, List<Request> requests) {

		static Reissued of(CaOrder order) {
			return new Reissued(order.id(), List
				.of(new Request(order.requestId() + order.reissues(), order.reissuing() ? "pending" : "approved")));
		}
	}

	static OrderCreated of(CaOrder order) {
		return new OrderCreated(order.id(), order.certificateId(), List.of(new Request(order.requestId(), "approved")),
				order.domains().stream().map((domain) -> new Domain(domain.id(), domain.name())).toList(),
				order.dcvRandomValue());
	}
}
