package com.rvssl.statussync.tracking;

import org.bson.Document;

/** How many of a reseller's tracked orders a grouping counted. */
public record ResellerCount(String resellerId, long count) {

	/** A row of a grouping by {@code resellerId} alone. */
	static ResellerCount of(Document row) {
		return new ResellerCount(row.getString("_id"), ((Number) row.get("count")).longValue());
	}

}
