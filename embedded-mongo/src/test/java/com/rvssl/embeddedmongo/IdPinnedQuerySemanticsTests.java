package com.rvssl.embeddedmongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters the services send, pinning {@code _id} beside other conditions, give the
 * same answers and leave the same documents on the indexed backends as on the stock one,
 * which scans.
 */
class IdPinnedQuerySemanticsTests {

	private static final Date NOW = Date.from(Instant.parse("2026-12-01T10:00:00Z"));

	private static final ObjectId OBJECT_ID = new ObjectId("64b000000000000000000001");

	@Test
	void theIndexedMemoryBackendAnswersLikeTheStockOne() {
		assertThat(run(new IndexedMemoryBackend())).containsExactlyElementsOf(run(new MemoryBackend()));
	}

	@Test
	void theIndexedH2BackendAnswersLikeTheStockOne() {
		assertThat(run(new IndexedH2Backend(null))).containsExactlyElementsOf(run(new MemoryBackend()));
	}

	private static List<String> run(MongoBackend backend) {
		try (WireServers server = new WireServers(backend)) {
			MongoDatabase database = server.database("semantics");
			MongoCollection<Document> orders = database.getCollection("orders");
			seed(orders);
			List<String> answers = new ArrayList<>();
			for (Function<MongoCollection<Document>, Object> operation : operations()) {
				answers.add(answer(operation, orders));
				// the state after each operation, in _id order
				answers.add(String.valueOf(orders.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())));
			}
			return answers;
		}
	}

	private static String answer(Function<MongoCollection<Document>, Object> operation,
			MongoCollection<Document> orders) {
		try {
			return String.valueOf(operation.apply(orders));
		}
		catch (MongoException ex) {
			return "error " + ex.getCode();
		}
	}

	private static void seed(MongoCollection<Document> orders) {
		for (int i = 0; i < 50; i++) {
			orders.insertOne(new Document("_id", "order-" + i).append("version", (long) i % 4)
				.append("state", (i % 3 == 0) ? "PLACED" : "SUBMITTED")
				.append("appliedEventIds", List.of("event-" + i))
				.append("outbox",
						(i % 5 == 0) ? List.of(new Document("eventId", "e" + i).append("envelope", "{}")) : List.of())
				.append("outboxClaimedUntil", (i % 10 == 0) ? NOW : null));
		}
		orders.insertOne(new Document("_id", 7).append("version", 1L).append("state", "PLACED"));
		orders.insertOne(new Document("_id", OBJECT_ID).append("version", 2L).append("state", "PLACED"));
	}

	private static List<Function<MongoCollection<Document>, Object>> operations() {
		Bson unclaimed = Filters.or(Filters.eq("outboxClaimedUntil", null), Filters.lt("outboxClaimedUntil", NOW));
		return List.of(
				// the optimistic write of a version
				(c) -> c.find(Filters.and(Filters.eq("_id", "order-3"), Filters.eq("version", 3L))).first(),
				(c) -> c.find(Filters.and(Filters.eq("_id", "order-3"), Filters.eq("version", 2L))).first(),
				(c) -> c.updateOne(Filters.and(Filters.eq("_id", "order-3"), Filters.eq("version", 3L)),
						Updates.combine(Updates.set("state", "ISSUED"), Updates.inc("version", 1L))),
				(c) -> c.updateOne(Filters.and(Filters.eq("_id", "order-3"), Filters.eq("version", 3L)),
						Updates.set("state", "LOST")),
				// a transition from allowed states
				(c) -> c.findOneAndUpdate(
						Filters.and(Filters.eq("_id", "order-4"), Filters.in("state", "PLACED", "SUBMITTED")),
						Updates.set("state", "CANCELLED"),
						new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)),
				(c) -> c.findOneAndUpdate(
						Filters.and(Filters.eq("_id", "order-4"), Filters.in("state", "PLACED", "SUBMITTED")),
						Updates.set("state", "AGAIN")),
				// the relay's claim
				(c) -> c.findOneAndUpdate(
						Filters.and(Filters.eq("_id", "order-5"), Filters.exists("outbox.0"), unclaimed),
						Updates.set("outboxClaimedUntil", NOW),
						new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)),
				(c) -> c.findOneAndUpdate(
						Filters.and(Filters.eq("_id", "order-10"), Filters.exists("outbox.0"), unclaimed),
						Updates.set("outboxClaimedUntil", NOW)),
				(c) -> c.findOneAndUpdate(
						Filters.and(Filters.eq("_id", "order-6"), Filters.exists("outbox.0"), unclaimed),
						Updates.set("outboxClaimedUntil", NOW)),
				// an event applied once: the upsert of a new document, and of a known one
				// whose condition fails (a duplicate key)
				(c) -> c.updateOne(
						Filters.and(Filters.eq("_id", "order-new"), Filters.ne("appliedEventIds", "event-x")),
						Updates.combine(Updates.push("appliedEventIds", "event-x"),
								Updates.setOnInsert("state", "PLACED")),
						new UpdateOptions().upsert(true)),
				(c) -> c.updateOne(
						Filters.and(Filters.eq("_id", "order-new"), Filters.ne("appliedEventIds", "event-x")),
						Updates.push("appliedEventIds", "event-x"), new UpdateOptions().upsert(true)),
				(c) -> c.updateOne(Filters.and(Filters.eq("_id", "order-8"), Filters.ne("appliedEventIds", "event-y")),
						Updates.push("appliedEventIds", "event-y"), new UpdateOptions().upsert(true)),
				// $in on _id with another condition, $eq, $and, ids of other types
				(c) -> c.find(Filters.and(Filters.in("_id", "order-1", "order-2", "order-3", "missing"),
						Filters.eq("state", "SUBMITTED")))
					.sort(Sorts.ascending("_id"))
					.into(new ArrayList<>()),
				(c) -> c.find(new Document("_id", new Document("$eq", "order-9")).append("version", 1L)).first(),
				(c) -> c
					.find(new Document(
							"$and",
							List.of(new Document("_id", "order-11"),
									new Document("version", new Document("$gte", 2L)))))
					.first(),
				(c) -> c.find(
						Filters.and(Filters.eq("_id", 7L), Filters.eq("state", "PLACED")))
					.first(),
				(c) -> c.find(Filters.and(Filters.eq("_id", 7.0), Filters.eq("state", "PLACED"))).first(),
				(c) -> c.find(Filters.and(Filters.eq("_id", OBJECT_ID), Filters.eq("version", 2L))).first(),
				(c) -> c.find(Filters.and(Filters.regex("_id", Pattern.compile("^order-1")), Filters.eq("version", 1L)))
					.sort(Sorts.ascending("_id"))
					.into(new ArrayList<>()),
				(c) -> c.find(Filters.and(Filters.eq("_id", "order-12"), Filters.eq("_id", "order-13"))).first(),
				(c) -> c.countDocuments(Filters.and(Filters.eq("_id", "order-12"), Filters.eq("state", "PLACED"))),
				// the relay's pull and release, and a conditional delete
				(c) -> c.updateOne(Filters.eq("_id", "order-5"), Updates.pull("outbox", new Document("eventId", "e5"))),
				(c) -> c.updateOne(Filters.and(Filters.eq("_id", "order-5"), Filters.eq("outboxClaimedUntil", NOW)),
						Updates.unset("outboxClaimedUntil")),
				(c) -> c.deleteOne(Filters.and(Filters.eq("_id", "order-14"), Filters.eq("version", 1L))),
				(c) -> c.deleteOne(Filters.and(Filters.eq("_id", "order-15"), Filters.eq("version", 3L))),
				(c) -> c.updateMany(
						Filters.and(Filters.in("_id", "order-16", "order-17"), Filters.eq("state", "SUBMITTED")),
						Updates.set("state", "BULK")));
	}

}
