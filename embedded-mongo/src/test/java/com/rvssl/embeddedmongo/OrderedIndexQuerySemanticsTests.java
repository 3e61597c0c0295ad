package com.rvssl.embeddedmongo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters and sorts the services' periodic work sends on their compound indexes
 * (equality on the leading fields, a range on the next, sorted by it, with a limit;
 * counts and aggregations that start with {@code $match}) give the same answers and leave
 * the same documents on the indexed backends, which walk an {@link OrderedIndex}, as on
 * the stock one, which scans and sorts. The documents mix types, nulls and missing fields
 * in the indexed fields, and one operation makes an index multikey.
 */
class OrderedIndexQuerySemanticsTests {

	private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

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
			MongoCollection<Document> checks = server.database("semantics").getCollection("checks");
			checks.createIndex(Indexes.ascending("state", "nextCheckAt"), new IndexOptions().name("due_checks"));
			checks.createIndex(Indexes.compoundIndex(Indexes.ascending("resellerId"), Indexes.descending("createdAt")),
					new IndexOptions().name("reseller_created"));
			checks.createIndex(Indexes.ascending("state", "ca", "createdAt"), new IndexOptions().name("queue"));
			seed(checks);
			List<String> answers = new ArrayList<>();
			for (Function<MongoCollection<Document>, Object> operation : operations()) {
				answers.add(answer(operation, checks));
				// the state after each operation, in _id order
				answers.add(String.valueOf(checks.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())));
			}
			return answers;
		}
	}

	private static String answer(Function<MongoCollection<Document>, Object> operation,
			MongoCollection<Document> checks) {
		try {
			return String.valueOf(operation.apply(checks));
		}
		catch (MongoException ex) {
			return "error " + ex.getCode();
		}
	}

	/**
	 * 80 documents inserted in a shuffled order, each with its own due and creation time
	 * (sorted answers have no ties), some of other types, null or missing.
	 */
	private static void seed(MongoCollection<Document> checks) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(80));
		for (int i : order) {
			Document document = new Document("_id", "check-" + i).append("resellerId", "reseller-" + (i % 4))
				.append("ca", (i % 2 == 0) ? "digicert" : "sectigo")
				.append("createdAt", at(Duration.ofMinutes(i * 7L % 80)));
			if (i % 10 == 9) {
				// no due time (missing or null) only where no sorted query without a
				// range
				// looks
				document.append("state", "DONE");
				if (i % 20 == 9) {
					document.append("nextCheckAt", null);
				}
			}
			else {
				document.append("state", (i % 3 == 0) ? "DONE" : "OUTSTANDING")
					.append("nextCheckAt", at(Duration.ofMinutes(i * 13L % 80 - 40)));
			}
			checks.insertOne(document);
		}
		// other types in the indexed fields
		checks.insertOne(new Document("_id", 1000).append("state", 1).append("nextCheckAt", 5));
		checks.insertOne(new Document("_id", 1001).append("state", 1.0).append("nextCheckAt", "soon"));
		checks.insertOne(new Document("_id", 1002).append("state", 1L).append("nextCheckAt", at(Duration.ZERO)));
		checks.insertOne(new Document("_id", 1003).append("resellerId", "reseller-1"));
	}

	private static Date at(Duration offset) {
		return Date.from(T0.plus(offset));
	}

	private static Document due(Duration offset) {
		return new Document("state", "OUTSTANDING").append("nextCheckAt", new Document("$lte", at(offset)));
	}

	private static List<Function<MongoCollection<Document>, Object>> operations() {
		Document byDue = new Document("nextCheckAt", 1);
		Document byDueThenId = new Document("nextCheckAt", 1).append("_id", 1);
		return List.of(
				// status-sync's claim: the most overdue ids, and how late the oldest is
				(c) -> c.find(due(Duration.ZERO))
					.sort(byDue)
					.limit(5)
					.projection(new Document("_id", 1))
					.into(new ArrayList<>()),
				(c) -> c.find(due(Duration.ZERO)).sort(byDue).into(new ArrayList<>()),
				(c) -> c.find(due(Duration.ofMinutes(-20))).sort(new Document("nextCheckAt", -1)).limit(4).first(),
				(c) -> c.find(due(Duration.ZERO)).sort(byDue).skip(3).limit(4).into(new ArrayList<>()),
				(c) -> c.countDocuments(due(Duration.ofMinutes(10))),
				// aggregations that start with $match: a count, a grouped gauge, one that
				// filters on an expression
				(c) -> c.countDocuments(new Document("state", "DONE")),
				(c) -> c.aggregate(
						List.of(new Document("$match", new Document("state", "OUTSTANDING")),
								new Document("$group", new Document("_id", "$ca").append("n",
										new Document("$sum", 1))),
								new Document("$sort", new Document("_id", 1))))
					.into(new ArrayList<>()),
				(c) -> c.aggregate(List.of(
						new Document("$match",
								new Document("$expr", new Document("$eq", List.of("$resellerId", "reseller-2")))),
						new Document("$count", "n")))
					.into(new ArrayList<>()),
				// $in on a leading field: values of several types, duplicates, none
				(c) -> c.countDocuments(
						new Document("state", new Document("$in", List.of("DONE", "OUTSTANDING"))).append("nextCheckAt",
								new Document("$lte", at(Duration.ZERO)))),
				(c) -> c.find(new Document("state", new Document("$in", List.of(1, 1.0, 1L, "OUTSTANDING"))))
					.sort(byDueThenId)
					.into(new ArrayList<>()),
				(c) -> c.countDocuments(new Document("state", new Document("$in", List.of()))), (
						c) -> c
							.find(new Document("state", new Document("$in", List.of("OUTSTANDING", "DONE")))
								.append("ca", new Document("$in", List.of("digicert", "sectigo", "digicert"))))
							.sort(new Document("createdAt", 1))
							.limit(7)
							.into(new ArrayList<>()),
				(c) -> c
					.find(new Document("state", "OUTSTANDING").append("ca", new Document("$in", List.of("sectigo"))))
					.sort(new Document("createdAt", -1))
					.limit(3)
					.into(new ArrayList<>()),
				// both bounds, $eq, the fixed field in the sort, strict and inclusive
				(c) -> c
					.find(new Document("state", new Document("$eq", "OUTSTANDING")).append("nextCheckAt",
							new Document("$gt", at(Duration.ofMinutes(-30))).append("$lt", at(Duration.ofMinutes(13)))))
					.sort(new Document("state", 1).append("nextCheckAt", 1))
					.into(new ArrayList<>()),
				(c) -> c
					.find(new Document("state", "OUTSTANDING").append("nextCheckAt",
							new Document("$gte", at(Duration.ofMinutes(-1))).append("$lte",
									at(Duration.ofMinutes(25)))))
					.sort(new Document("nextCheckAt", -1))
					.into(new ArrayList<>()),
				(c) -> c
					.find(new Document("state", "OUTSTANDING").append("nextCheckAt",
							new Document("$gt", at(Duration.ofMinutes(30))).append("$lt", at(Duration.ofMinutes(-30)))))
					.into(new ArrayList<>()),
				// numbers equal across types, a range of another type than some values
				(c) -> c.find(new Document("state", 1)).sort(Sorts.ascending("_id")).into(new ArrayList<>()),
				(c) -> c.find(new Document("state", 1.0).append("nextCheckAt", new Document("$gte", 0)))
					.into(new ArrayList<>()),
				// equality only, sorted by the next field, by another field, unsorted
				(c) -> c.find(new Document("state", "OUTSTANDING")).sort(byDue).limit(6).into(new ArrayList<>()),
				(c) -> c.find(new Document("state", "OUTSTANDING"))
					.sort(new Document("createdAt", 1))
					.limit(6)
					.into(new ArrayList<>()),
				(c) -> c.find(new Document("state", "DONE")).sort(Sorts.ascending("_id")).into(new ArrayList<>()),
				// conditions the index does not take: null, $in, a field that is not
				// first
				(c) -> c.find(new Document("nextCheckAt", null)).sort(Sorts.ascending("_id")).into(new ArrayList<>()),
				(c) -> c.find(new Document("state", new Document("$in", List.of("DONE", "OUTSTANDING"))))
					.sort(byDueThenId)
					.limit(3)
					.into(new ArrayList<>()),
				(c) -> c.find(new Document("nextCheckAt", new Document("$lte", at(Duration.ZERO))))
					.sort(byDue)
					.limit(3)
					.into(new ArrayList<>()),
				// a descending field: walked forward and backward
				(c) -> c.find(new Document("resellerId", "reseller-1"))
					.sort(new Document("createdAt", -1))
					.limit(3)
					.into(new ArrayList<>()),
				(c) -> c.find(new Document("resellerId", "reseller-1"))
					.sort(new Document("createdAt", 1))
					.limit(3)
					.into(new ArrayList<>()),
				(c) -> c
					.find(new Document("resellerId", "reseller-2").append("createdAt",
							new Document("$gte", at(Duration.ofMinutes(20)))))
					.sort(new Document("createdAt", -1))
					.into(new ArrayList<>()),
				(c) -> c
					.find(new Document("resellerId", "reseller-2").append("createdAt",
							new Document("$lt", at(Duration.ofMinutes(50)))))
					.sort(new Document("createdAt", 1))
					.into(new ArrayList<>()),
				// three fields: two fixed, a range on the third
				(c) -> c
					.find(new Document("state", "OUTSTANDING").append("ca", "digicert")
						.append("createdAt", new Document("$lt", at(Duration.ofMinutes(60)))))
					.sort(new Document("createdAt", 1))
					.limit(2)
					.into(new ArrayList<>()),
				// writes through the index: the index follows them
				(c) -> c.findOneAndUpdate(due(Duration.ZERO), Updates.set("state", "CLAIMED"),
						new FindOneAndUpdateOptions().sort(byDue).returnDocument(ReturnDocument.AFTER)),
				(c) -> c.updateMany(due(Duration.ofMinutes(-10)), Updates.set("nextCheckAt", at(Duration.ofHours(1))))
					.getModifiedCount(),
				// many share a due time now: the same order needs the _id as well
				(c) -> c.find(due(Duration.ofHours(2))).sort(byDueThenId).into(new ArrayList<>()),
				(c) -> c
					.deleteMany(new Document("state", "DONE").append("nextCheckAt",
							new Document("$lt", at(Duration.ofMinutes(-20)))))
					.getDeletedCount(),
				(c) -> c.find(new Document("state", "DONE")).sort(byDueThenId).into(new ArrayList<>()),
				// an array in an indexed field: the index steps aside and the answers
				// stay
				(c) -> c.insertOne(new Document("_id", "multi").append("state", List.of("OUTSTANDING", "DONE"))
					.append("nextCheckAt", at(Duration.ofMinutes(-90)))),
				(c) -> c.find(due(Duration.ZERO)).sort(byDue).limit(5).into(new ArrayList<>()),
				(c) -> c.deleteOne(new Document("_id", "multi")).getDeletedCount(),
				(c) -> c.find(due(Duration.ofHours(2))).sort(byDueThenId).into(new ArrayList<>()));
	}

}
