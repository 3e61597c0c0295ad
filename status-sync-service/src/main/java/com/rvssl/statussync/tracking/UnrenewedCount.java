package com.rvssl.statussync.tracking;

import org.bson.Document;

/**
 * How many of a reseller's certificates expire soon with no successor yet, and whether a
 * reissue is being followed for them ({@code OUTSTANDING}) or not ({@code DONE}).
 */
public record UnrenewedCount(String resellerId, TrackingState state, long count) {

	/** A row of the grouping by reseller and state. */
	static UnrenewedCount of(Document row) {
		Document key = row.get("_id", Document.class);
		return new UnrenewedCount(key.getString("resellerId"), TrackingState.valueOf(key.getString("state")),
				((Number) row.get("count")).longValue());
	}

	public boolean reissueUnderway() {
		return state == TrackingState.OUTSTANDING;
	}

}
