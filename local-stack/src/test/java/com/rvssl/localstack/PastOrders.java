package com.rvssl.localstack;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * History for a load run: the documents the platform wrote for the orders it has issued
 * so far, copied into every service's database as if many more orders had been placed and
 * issued before. Copying what the services wrote keeps every document's shape and every
 * index entry real without a second description of the schema to keep up to date.
 * <p>
 * A collection holding at least half as many documents as there are template orders grows
 * with the orders and is copied; the others (resellers, accounts, prices) are shared by
 * every order and left alone, and so are the UUIDs found in them. In a copy, every other
 * UUID becomes a new one (the same one wherever it appears, so an order's documents still
 * point at each other across services), a value a unique index holds once (a domain, a CA
 * order number, a serial) gets the copy's suffix, and every date moves {@link #SPACING}
 * per copy into the past.
 */
final class PastOrders {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final long SPACING = java.time.Duration.ofMinutes(30).toMillis();

	private static final int BATCH = 1_000;

	private PastOrders() {
	}

	/**
	 * Copies the documents of the stack's {@code templateOrders} issued orders
	 * {@code copies} times.
	 * @return documents inserted, by database and collection
	 */
	static Map<String, Long> seed(LocalStack stack, int templateOrders, int copies) {
		Map<String, Long> inserted = new java.util.TreeMap<>();
		try (MongoClient client = MongoClients.create(stack.mongoUri(PlatformService.ORDER))) {
			Map<MongoCollection<Document>, List<Document>> templates = new HashMap<>();
			Set<String> shared = new HashSet<>();
			Set<Object> unique = new HashSet<>();
			for (PlatformService service : PlatformService.values()) {
				MongoDatabase database = client.getDatabase(service.database());
				for (String name : database.listCollectionNames()) {
					MongoCollection<Document> collection = database.getCollection(name);
					List<Document> documents = collection.find().into(new ArrayList<>());
					if (documents.size() * 2 >= templateOrders) {
						templates.put(collection, documents);
						unique.addAll(heldOnce(collection, documents));
					}
					else {
						documents.forEach(document -> collectUuids(document, shared));
					}
				}
			}
			for (int copy = 1; copy <= copies; copy++) {
				Copy mapping = new Copy(copy, shared, unique);
				for (Map.Entry<MongoCollection<Document>, List<Document>> template : templates.entrySet()) {
					MongoCollection<Document> collection = template.getKey();
					List<Document> batch = new ArrayList<>(BATCH);
					for (Document document : template.getValue()) {
						batch.add((Document) mapping.apply(document));
						if (batch.size() == BATCH) {
							insert(collection, batch);
							batch.clear();
						}
					}
					insert(collection, batch);
					inserted.merge(collection.getNamespace().getFullName(), (long) template.getValue().size(),
							Long::sum);
				}
			}
		}
		return inserted;
	}

	private static void insert(MongoCollection<Document> collection, List<Document> batch) {
		if (batch.isEmpty()) {
			return;
		}
		try {
			collection.insertMany(batch, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			throw new IllegalStateException(collection.getNamespace() + ": a copy broke a unique index ("
					+ ex.getWriteErrors().get(0).getMessage() + ")", ex);
		}
	}

	/**
	 * The values that the collection's unique indexes (and {@code _id}) hold for exactly
	 * one document: those a copy must change. A value many documents share (a CA's name
	 * in a compound key) stays.
	 */
	private static Set<Object> heldOnce(MongoCollection<Document> collection, List<Document> documents) {
		Set<String> paths = new HashSet<>(List.of("_id"));
		for (Document index : collection.listIndexes()) {
			if (Boolean.TRUE.equals(index.get("unique"))) {
				paths.addAll(index.get("key", Document.class).keySet());
			}
		}
		Set<Object> once = new HashSet<>();
		for (String path : paths) {
			Map<Object, Integer> seen = new HashMap<>();
			for (Document document : documents) {
				Object value = valueAt(document, path);
				if (value instanceof String || value instanceof Number) {
					seen.merge(value, 1, Integer::sum);
				}
			}
			seen.forEach((value, times) -> {
				if (times == 1 && !(value instanceof String text && UUID_TEXT.matcher(text).matches())) {
					once.add(value);
				}
			});
		}
		return once;
	}

	private static Object valueAt(Document document, String path) {
		Object value = document;
		for (String part : path.split("\\.")) {
			if (!(value instanceof Document nested)) {
				return null;
			}
			value = nested.get(part);
		}
		return value;
	}

	private static void collectUuids(Object value, Set<String> into) {
		if (value instanceof String text) {
			Matcher matcher = UUID_TEXT.matcher(text);
			while (matcher.find()) {
				into.add(matcher.group());
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.values().forEach(nested -> collectUuids(nested, into));
		}
		else if (value instanceof List<?> list) {
			list.forEach(nested -> collectUuids(nested, into));
		}
	}

	/** One copy's mapping of template values to new ones. */
	private static final class Copy {

		private final int copy;

		private final Set<String> shared;

		private final Set<Object> unique;

		private final Map<ObjectId, ObjectId> objectIds = new HashMap<>();

		Copy(int copy, Set<String> shared, Set<Object> unique) {
			this.copy = copy;
			this.shared = shared;
			this.unique = unique;
		}

		Object apply(Object value) {
			if (value instanceof Document document) {
				Document copied = new Document();
				document.forEach((key, nested) -> copied.put(key, apply(nested)));
				return copied;
			}
			if (value instanceof List<?> list) {
				List<Object> copied = new ArrayList<>(list.size());
				list.forEach(nested -> copied.add(apply(nested)));
				return copied;
			}
			if (value instanceof String text) {
				String renamed = UUID_TEXT.matcher(text)
					.replaceAll(found -> shared.contains(found.group()) ? found.group() : newUuid(found.group()));
				return unique.contains(text) ? renamed + "-p" + copy : renamed;
			}
			if ((value instanceof Integer || value instanceof Long) && unique.contains(value)) {
				return ((Number) value).longValue() + copy * 1_000_000_000L;
			}
			if (value instanceof ObjectId id) {
				return objectIds.computeIfAbsent(id, (template) -> new ObjectId());
			}
			if (value instanceof Date date) {
				return new Date(date.getTime() - copy * SPACING);
			}
			return value;
		}

		private String newUuid(String template) {
			return UUID.nameUUIDFromBytes((template + "#" + copy).getBytes(java.nio.charset.StandardCharsets.UTF_8))
				.toString();
		}

	}

}
