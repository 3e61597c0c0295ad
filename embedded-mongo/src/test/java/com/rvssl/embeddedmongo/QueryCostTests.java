package com.rvssl.embeddedmongo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a query costs, counted in documents examined: a filter pinning {@code _id}
 * examines the documents it names however many others there are; a filter requiring a
 * field that a one-field index covers examines the documents that have it.
 */
class QueryCostTests {

	private static final int DOCUMENTS = 2_000;

	private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void aFilterPinningIdBesideOtherConditionsExaminesOnlyThatDocument() {
		IndexedMemoryBackend backend = new IndexedMemoryBackend();
		try (WireServers server = new WireServers(backend)) {
			MongoCollection<Document> orders = server.database("cost").getCollection("orders");
			seed(orders, DOCUMENTS);
			DocumentsExamined examined = backend.documentsExamined();

			assertThat(cost(examined,
					() -> orders
						.updateOne(Filters.and(Filters.eq("_id", "order-77"), Filters.eq("version", 3L)),
								Updates.inc("version", 1L))
						.getModifiedCount()))
				.isEqualTo(1);
			assertThat(cost(examined,
					() -> orders.find(Filters.and(Filters.in("_id", "order-1", "order-2"), Filters.eq("version", 0L)))
						.into(new ArrayList<>())))
				.isEqualTo(2);
			assertThat(
					cost(examined,
							() -> orders
								.find(new Document("$and",
										List.of(new Document("_id", "order-5"),
												new Document("state", new Document("$in", List.of("PLACED"))))))
								.first()))
				.isEqualTo(1);
			// the counter counts scans too: a filter that pins nothing reads every
			// document
			assertThat(cost(examined, () -> orders.find(Filters.eq("version", 99L)).into(new ArrayList<>())))
				.isEqualTo(DOCUMENTS);
		}
	}

	@Test
	void aFilterRequiringAnIndexedFieldExaminesOnlyTheDocumentsThatHaveIt() {
		IndexedMemoryBackend backend = new IndexedMemoryBackend();
		try (WireServers server = new WireServers(backend)) {
			MongoCollection<Document> orders = server.database("cost").getCollection("orders");
			orders.createIndex(Indexes.ascending("outbox.eventId"),
					new IndexOptions().name("pending").partialFilterExpression(Filters.exists("outbox.eventId")));
			seed(orders, DOCUMENTS);
			orders.updateMany(Filters.in("_id", "order-3", "order-30", "order-300"),
					Updates.push("outbox", new Document("eventId", "e").append("envelope", "{}")));
			DocumentsExamined examined = backend.documentsExamined();

			List<Document> pending = new ArrayList<>();
			assertThat(cost(examined,
					() -> orders
						.find(Filters.and(Filters.exists("outbox.eventId"), Filters.eq("outboxClaimedUntil", null)))
						.into(pending)))
				.isEqualTo(3);
			assertThat(pending).extracting((document) -> document.get("_id"))
				.containsExactlyInAnyOrder("order-3", "order-30", "order-300");

			// emptied, a document leaves the index
			orders.updateOne(Filters.eq("_id", "order-30"), Updates.pull("outbox", new Document("eventId", "e")));
			pending.clear();
			assertThat(cost(examined, () -> orders.find(Filters.exists("outbox.eventId")).into(pending))).isEqualTo(2);
			assertThat(pending).extracting((document) -> document.get("_id"))
				.containsExactlyInAnyOrder("order-3", "order-300");
			assertThat(orders.listIndexes().into(new ArrayList<>())).extracting((index) -> index.get("name"))
				.contains("pending");
		}
	}

	@Test
	void aRangeOnASparseFieldIsAnsweredFromItsIndexBeforeACompoundIndexOfEveryDocument() {
		IndexedMemoryBackend memory = new IndexedMemoryBackend();
		assertSparseRangeCost(memory, memory.documentsExamined());
		IndexedH2Backend h2 = new IndexedH2Backend(null);
		assertSparseRangeCost(h2, h2.documentsExamined());
	}

	// a gateway's history: every record settled, three of them due for a search of
	// their CA; the state's compound index would walk all of them
	private static void assertSparseRangeCost(MongoBackend backend, DocumentsExamined examined) {
		try (WireServers server = new WireServers(backend)) {
			MongoCollection<Document> submissions = server.database("cost").getCollection("submissions");
			submissions.createIndex(Indexes.ascending("state", "nextAttemptAt"), new IndexOptions().name("due"));
			submissions.createIndex(Indexes.ascending("referenceCheckAt"),
					new IndexOptions().name("reference_checks").sparse(true));
			List<Document> documents = new ArrayList<>();
			for (int i = 0; i < DOCUMENTS; i++) {
				Document record = new Document("_id", "order-" + i).append("state", "SUBMITTED");
				if (i % 500 == 7) {
					record.append("referenceCheckAt", Date.from(T0.plusSeconds(i)));
				}
				documents.add(record);
			}
			submissions.insertMany(documents);
			Document settled = new Document("$in", List.of("SUBMITTED", "FAILED", "CANCELLED"));

			List<Document> due = new ArrayList<>();
			assertThat(cost(examined,
					() -> submissions
						.find(new Document("referenceCheckAt", new Document("$lte", Date.from(T0.plusSeconds(1_000))))
							.append("state", settled))
						.into(due)))
				.isEqualTo(4);
			assertThat(due).extracting((document) -> document.get("_id")).containsExactly("order-7", "order-507");
			assertThat(cost(examined,
					() -> submissions
						.find(Filters.and(Filters.exists("referenceCheckAt"), Filters.eq("state", "SUBMITTED")))
						.limit(2)
						.into(new ArrayList<>())))
				.isLessThanOrEqualTo(4);
			// a null bound may match documents without the field: not the index's to
			// answer, the collection reads them all
			assertThat(cost(examined,
					() -> submissions.countDocuments(new Document("referenceCheckAt", new Document("$lte", null)))))
				.isEqualTo(DOCUMENTS);
		}
	}

	@Test
	void aSortedFilterOnACompoundIndexExaminesTheDocumentsUpToItsLimit() {
		IndexedMemoryBackend memory = new IndexedMemoryBackend();
		assertSortedFilterCost(memory, memory.documentsExamined());
		IndexedH2Backend h2 = new IndexedH2Backend(null);
		assertSortedFilterCost(h2, h2.documentsExamined());
	}

	private static void assertSortedFilterCost(MongoBackend backend, DocumentsExamined examined) {
		try (WireServers server = new WireServers(backend)) {
			MongoCollection<Document> checks = server.database("cost").getCollection("checks");
			checks.createIndex(Indexes.ascending("state", "nextCheckAt"), new IndexOptions().name("due_checks"));
			seedChecks(checks, DOCUMENTS);

			Document due = new Document("state", "OUTSTANDING").append("nextCheckAt",
					new Document("$lte", Date.from(T0.plusSeconds(DOCUMENTS))));
			List<Document> mostOverdue = new ArrayList<>();
			assertThat(cost(examined,
					() -> checks.find(due).sort(Sorts.ascending("nextCheckAt")).limit(10).into(mostOverdue)))
				.isEqualTo(10);
			assertThat(mostOverdue).extracting((document) -> document.get("_id"))
				.containsExactly("check-1", "check-3", "check-5", "check-7", "check-9", "check-11", "check-13",
						"check-15", "check-17", "check-19");
			// the latest first: the same walk backward
			assertThat(cost(examined, () -> checks.find(due).sort(Sorts.descending("nextCheckAt")).first().get("_id")))
				.isEqualTo(1);
			// unsorted, equality only: the documents in that state, not the others
			assertThat(cost(examined, () -> checks.find(new Document("state", "DONE")).into(new ArrayList<>())))
				.isEqualTo(DOCUMENTS / 2);
			// a count, an aggregation that starts with $match: the same documents
			assertThat(cost(examined, () -> checks.countDocuments(due))).isEqualTo(DOCUMENTS / 2);
			assertThat(cost(examined, () -> checks.countDocuments(new Document("state", "DONE"))))
				.isEqualTo(DOCUMENTS / 2);
			// $in on the leading field: one slice per value
			assertThat(cost(examined,
					() -> checks
						.countDocuments(new Document("state", new Document("$in", List.of("OUTSTANDING", "DONE")))
							.append("nextCheckAt", new Document("$lte", Date.from(T0.plusSeconds(10)))))))
				.isEqualTo(11);
			// a claim of the most overdue that moves them on: they leave the slice
			checks.updateMany(new Document("_id", new Document("$in", List.of("check-1", "check-3"))),
					Updates.set("nextCheckAt", Date.from(T0.plusSeconds(10 * DOCUMENTS))));
			assertThat(cost(examined, () -> checks.find(due).sort(Sorts.ascending("nextCheckAt")).first().get("_id")))
				.isEqualTo(1);
			assertThat(checks.find(due).sort(Sorts.ascending("nextCheckAt")).first().get("_id")).isEqualTo("check-5");
		}
	}

	@Test
	void aDataFileOfTheStockH2BackendOpensIndexedAndTheOtherWayRound(@TempDir Path directory) {
		String file = directory.resolve("mongo.mv").toString();
		H2Backend stock = new H2Backend(file);
		try (WireServers server = new WireServers(stock)) {
			MongoCollection<Document> orders = server.database("file").getCollection("orders");
			orders.createIndex(Indexes.ascending("outbox.eventId"), new IndexOptions().name("pending"));
			seed(orders, 200);
			MongoCollection<Document> checks = server.database("file").getCollection("checks");
			checks.createIndex(Indexes.ascending("state", "nextCheckAt"), new IndexOptions().name("due_checks"));
			seedChecks(checks, 200);
			orders.updateOne(Filters.eq("_id", "order-9"), Updates.push("outbox", new Document("eventId", "e9")));
		}
		stock.close();

		IndexedH2Backend indexed = new IndexedH2Backend(file);
		try (WireServers server = new WireServers(indexed)) {
			MongoCollection<Document> orders = server.database("file").getCollection("orders");
			DocumentsExamined examined = indexed.documentsExamined();
			assertThat(cost(examined,
					() -> orders.find(Filters.and(Filters.eq("_id", "order-8"), Filters.eq("version", 0L))).first()))
				.isEqualTo(1);
			assertThat(cost(examined, () -> orders.find(Filters.exists("outbox.eventId")).first().get("_id")))
				.isEqualTo(1);
			// the compound index is built again from the file's documents
			MongoCollection<Document> checks = server.database("file").getCollection("checks");
			assertThat(cost(examined,
					() -> checks.find(new Document("state", "OUTSTANDING"))
						.sort(Sorts.ascending("nextCheckAt"))
						.first()
						.get("_id")))
				.isEqualTo(1);
			orders.insertOne(new Document("_id", "written-indexed"));
		}
		indexed.close();

		H2Backend reopened = new H2Backend(file);
		try (WireServers server = new WireServers(reopened)) {
			MongoCollection<Document> orders = server.database("file").getCollection("orders");
			assertThat(orders.countDocuments()).isEqualTo(201);
			assertThat(orders.find(Filters.eq("_id", "order-9")).first().getList("outbox", Document.class)).hasSize(1);
		}
		reopened.close();
	}

	private static long cost(DocumentsExamined examined, Supplier<Object> query) {
		long before = examined.count();
		assertThat(query.get()).isNotNull();
		return examined.count() - before;
	}

	// every other one outstanding, each due a second after the one before
	private static void seedChecks(MongoCollection<Document> checks, int count) {
		List<Document> documents = new ArrayList<>();
		for (int i = count - 1; i >= 0; i--) {
			documents.add(new Document("_id", "check-" + i).append("state", (i % 2 == 1) ? "OUTSTANDING" : "DONE")
				.append("nextCheckAt", Date.from(T0.plusSeconds(i))));
		}
		checks.insertMany(documents);
	}

	private static void seed(MongoCollection<Document> orders, int count) {
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			documents.add(new Document("_id", "order-" + i).append("version", (long) i % 4)
				.append("state", "PLACED")
				.append("outbox", List.of()));
		}
		orders.insertMany(documents);
	}

}
