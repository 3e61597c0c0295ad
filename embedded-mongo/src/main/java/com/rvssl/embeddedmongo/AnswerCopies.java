package com.rvssl.embeddedmongo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Copies of stored documents for the answers a collection gives. mongo-java-server
 * answers a query with the very documents it stores and updates a stored document in
 * place, while the wire server encodes an answer after the collection's lock is released:
 * a write of the same document meanwhile tore the answer (some fields before the write,
 * some after) or failed its encoding. The collections copy an answer while they still
 * hold the lock. Their own writes, which find the stored documents in order to change
 * them, are marked and get those documents themselves.
 */
final class AnswerCopies {

	private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> Boolean.FALSE);

	private AnswerCopies() {
	}

	/** The documents a query matched, copied unless a write of this thread asked. */
	static List<Document> of(List<Document> matched) {
		if (WRITING.get()) {
			return matched;
		}
		List<Document> copies = new ArrayList<>(matched.size());
		for (Document document : matched) {
			copies.add((document != null) ? document.cloneDeeply() : null);
		}
		return copies;
	}

	/** Runs a write whose queries must see the stored documents. */
	static <T> T writing(Supplier<T> write) {
		Boolean outer = WRITING.get();
		WRITING.set(Boolean.TRUE);
		try {
			return write.get();
		}
		finally {
			WRITING.set(outer);
		}
	}

	/**
	 * A findAndModify result with its {@code value} copied: returning the new document,
	 * it names the stored one.
	 */
	static Document withValueCopied(Document result) {
		if (result.get("value") instanceof Document value) {
			result.put("value", value.cloneDeeply());
		}
		return result;
	}

}
