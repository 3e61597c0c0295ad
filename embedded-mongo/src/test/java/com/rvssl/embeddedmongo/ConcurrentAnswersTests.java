package com.rvssl.embeddedmongo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers read while another client writes the same document, over the wire: each answer
 * is the document before or after a write, never a mix of the two, and never lost to an
 * encoding that failed halfway (the wire server encodes an answer after the collection's
 * lock is released).
 */
class ConcurrentAnswersTests {

	private static final int FIELDS = 40;

	private static final int WRITES = 1_500;

	@Test
	void theIndexedMemoryBackendAnswersWholeDocumentsWhileTheyAreWritten() throws Exception {
		assertThat(tornAnswers(new IndexedMemoryBackend())).isEmpty();
	}

	@Test
	void theIndexedH2BackendAnswersWholeDocumentsWhileTheyAreWritten() throws Exception {
		assertThat(tornAnswers(new IndexedH2Backend(null))).isEmpty();
	}

	/** What the readers saw that was not one whole version of the document. */
	private static List<String> tornAnswers(MongoBackend backend) throws Exception {
		try (WireServers server = new WireServers(backend)) {
			MongoCollection<Document> documents = server.database("answers").getCollection("documents");
			documents.insertOne(version(new Document("_id", "shared"), 0));
			ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
			AtomicBoolean writing = new AtomicBoolean(true);
			ExecutorService pool = Executors.newFixedThreadPool(3);
			try {
				Future<?> writer = pool.submit(() -> {
					try {
						for (int n = 1; n <= WRITES; n++) {
							documents.updateOne(eq("_id", "shared"), update(n));
						}
					}
					finally {
						writing.set(false);
					}
				});
				Future<?> finder = pool.submit(() -> {
					while (writing.get()) {
						check(documents.find(eq("_id", "shared")).first(), torn);
					}
				});
				Future<?> modifier = pool.submit(() -> {
					while (writing.get()) {
						check(documents.findOneAndUpdate(eq("_id", "shared"), Updates.inc("reads", 1),
								new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)), torn);
					}
				});
				writer.get(2, TimeUnit.MINUTES);
				finder.get(1, TimeUnit.MINUTES);
				modifier.get(1, TimeUnit.MINUTES);
			}
			finally {
				pool.shutdownNow();
			}
			return new ArrayList<>(torn);
		}
	}

	private static void check(Document answer, ConcurrentLinkedQueue<String> torn) {
		Object first = answer.get("f0");
		for (int field = 1; field < FIELDS; field++) {
			if (!first.equals(answer.get("f" + field))) {
				torn.add(answer.toJson());
				return;
			}
		}
	}

	private static Document version(Document document, int n) {
		for (int field = 0; field < FIELDS; field++) {
			document.append("f" + field, n);
		}
		return document;
	}

	private static Bson update(int n) {
		List<Bson> sets = new ArrayList<>();
		for (int field = 0; field < FIELDS; field++) {
			sets.add(Updates.set("f" + field, n));
		}
		return Updates.combine(sets);
	}

}
