package com.rvssl.kit.outbox;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;

import static com.rvssl.kit.outbox.OutboxCollection.OUTBOX;

/**
 * The documents with entries still to publish, and the index that finds them: partial,
 * holding only documents whose outbox has an entry, so the sweep's cost follows the
 * pending documents, not the collection (every order ever placed).
 */
final class PendingOutboxes {

	static final String INDEX_NAME = "outbox_pending";

	// every entry has an event id: the field exists exactly while an entry is pending
	static final String PENDING_FIELD = OUTBOX + ".eventId";

	private PendingOutboxes() {
	}

	/** The criterion of a pending document, the index's filter as well. */
	static Criteria pending() {
		return Criteria.where(PENDING_FIELD).exists(true);
	}

	static IndexDefinition index() {
		return new Index().on(PENDING_FIELD, Sort.Direction.ASC)
			.named(INDEX_NAME)
			.partial(PartialIndexFilter.of(pending()));
	}

}
