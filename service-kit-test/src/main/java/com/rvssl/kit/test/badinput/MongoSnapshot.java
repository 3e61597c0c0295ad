package com.rvssl.kit.test.badinput;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.awaitility.Awaitility.await;

/**
 * What a bad-input run must leave as it was: the number of documents in every collection
 * of the service's database, and a hash of the documents the run's own resellers own
 * (their accounts with the balances, their orders, their webhooks).
 *
 * @param counts documents per collection
 * @param hashes SHA-256 of the watched documents per collection
 */
public record MongoSnapshot(Map<String, Long> counts, Map<String, String> hashes) {

	/**
	 * Takes the snapshot once the database is quiet: two snapshots half a second apart
	 * alike (earlier tests' events may still be arriving).
	 * @param watched per collection, the filter of the documents to hash
	 */
	public static MongoSnapshot settled(ReactiveMongoTemplate mongo, Map<String, Bson> watched) {
		AtomicReference<MongoSnapshot> last = new AtomicReference<>(take(mongo, watched));
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			MongoSnapshot now = take(mongo, watched);
			return Objects.equals(now, last.getAndSet(now)) ? now : null;
		}, Objects::nonNull);
	}

	public static MongoSnapshot take(ReactiveMongoTemplate mongo, Map<String, Bson> watched) {
		Map<String, Long> counts = new TreeMap<>(mongo.getCollectionNames()
			.flatMap((name) -> mongo.getCollection(name)
				.flatMap((collection) -> Mono.from(collection.countDocuments()))
				.map((count) -> Map.entry(name, count)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block());
		Map<String, String> hashes = new TreeMap<>();
		watched.forEach((name, filter) -> hashes.put(name,
				mongo.getCollection(name)
					.flatMapMany((collection) -> Flux.from(collection.find(filter).sort(new Document("_id", 1))))
					.map(Document::toJson)
					.collectList()
					.map(MongoSnapshot::sha256)
					.block()));
		return new MongoSnapshot(counts, hashes);
	}

	/** What differs in {@code after}; empty when nothing does. */
	public List<String> changesIn(MongoSnapshot after) {
		List<String> changes = new ArrayList<>();
		after.counts.forEach((name, count) -> {
			if (!count.equals(this.counts.getOrDefault(name, 0L))) {
				changes
					.add(name + ": " + this.counts.getOrDefault(name, 0L) + " documents before, " + count + " after");
			}
		});
		this.hashes.forEach((name, hash) -> {
			if (!hash.equals(after.hashes.get(name))) {
				changes.add(name + ": the run's resellers' documents changed");
			}
		});
		return changes;
	}

	private static String sha256(List<String> documents) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			documents.forEach((document) -> digest.update(document.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
