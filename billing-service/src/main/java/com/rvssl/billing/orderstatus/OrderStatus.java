package com.rvssl.billing.orderstatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One order as the reseller's account page shows it. The order's facts (product, domains,
 * price) come from its {@code OrderPlaced}, which may arrive after later events;
 * {@code status} only moves forward; {@code appliedEventIds} makes every event count
 * once; every write is conditioned on {@code version}.
 */
@Document("order_status")
@CompoundIndex(name = "reseller_placed", def = "{'resellerId': 1, 'placedAt': -1}")
public record OrderStatus(@Id String orderId, String resellerId, String productCode, List<String> domains, Long amount,
		String currency, Instant placedAt, ProviderStatus status, String detail, Instant updatedAt,
		List<String> appliedEventIds, long version) {

	public OrderStatus {
		domains = (domains == null) ? List.of() : List.copyOf(domains);
		appliedEventIds = (appliedEventIds == null) ? List.of() : List.copyOf(appliedEventIds);
	}

	static OrderStatus first(String orderId, String resellerId, Instant at) {
		return new OrderStatus(orderId, resellerId, null, List.of(), null, null, at, null, null, at, List.of(), 0);
	}

	boolean hasApplied(String eventId) {
		return appliedEventIds.contains(eventId);
	}

	OrderStatus placed(String productCode, List<String> domains, long amount, String currency, Instant at) {
		Instant placed = (this.placedAt == null || at.isBefore(this.placedAt)) ? at : this.placedAt;
		return new OrderStatus(orderId, resellerId, productCode, domains, amount, currency, placed, status, detail,
				updatedAt, appliedEventIds, version);
	}

	/**
	 * This order moved to {@code next}, if it may; else it stays as it is (a stale or
	 * repeated event).
	 */
	OrderStatus movedTo(ProviderStatus next, String nextDetail, Instant at) {
		if (status != null && !status.mayBecome(next)) {
			return this;
		}
		Instant placed = (placedAt == null || at.isBefore(placedAt)) ? at : placedAt;
		return new OrderStatus(orderId, resellerId, productCode, domains, amount, currency, placed, next, nextDetail,
				at, appliedEventIds, version);
	}

	/**
	 * The same status with a new detail (a cancellation asked for, or refused); an order
	 * that ended cancelled or rejected keeps its last words.
	 */
	OrderStatus noted(String nextDetail, Instant at) {
		if (status == ProviderStatus.CANCELLED || status == ProviderStatus.REJECTED) {
			return this;
		}
		return new OrderStatus(orderId, resellerId, productCode, domains, amount, currency, placedAt, status,
				nextDetail, at, appliedEventIds, version);
	}

	OrderStatus applied(String eventId) {
		List<String> ids = new ArrayList<>(appliedEventIds);
		ids.add(eventId);
		return new OrderStatus(orderId, resellerId, productCode, domains, amount, currency, placedAt, status, detail,
				updatedAt, ids, version);
	}

	OrderStatus withVersion(long nextVersion) {
		return new OrderStatus(orderId, resellerId, productCode, domains, amount, currency, placedAt, status, detail,
				updatedAt, appliedEventIds, nextVersion);
	}

	/**
	 * The words shown, "Processing" while billing has only seen facts and no move yet.
	 */
	public String statusWords() {
		return (status != null) ? status.words() : ProviderStatus.PROCESSING.words();
	}

}
