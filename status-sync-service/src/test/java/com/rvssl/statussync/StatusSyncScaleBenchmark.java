package com.rvssl.statussync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Validation;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.statussync.scheduling.CheckSchedule;
import com.rvssl.statussync.scheduling.Pace;
import com.rvssl.statussync.tracking.DueChecks;
import com.rvssl.statussync.tracking.TrackedOrder;
import com.rvssl.statussync.tracking.TrackingState;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.core.publisher.Flux;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Scale benchmark, not a test: inserts many outstanding orders (all due) into the MongoDB
 * the tests use, then measures the poller's database work without a gateway: claim a
 * batch (the service's {@link DueChecks#claimBatch}: the most overdue ids, one update of
 * those still due under a lease, one look-up by id) and write each order's next check
 * from the adaptive schedule under its lease (one conditional update per order, as a
 * check's result is). Prints the figures. Runs only when asked:
 * <pre>mvn -B -pl status-sync-service test -Dtest=StatusSyncScaleBenchmark -Dbenchmark=true [-Dbenchmark.orders=1000000] [-Dbenchmark.claims=5000]
 *     [-Dbenchmark.batch=100] [-Dbenchmark.workers=4] [-Dbenchmark.mongo-uri=mongodb://host:27017]</pre>
 * With {@code benchmark.mongo-uri} it runs against that real MongoDB (in a throwaway
 * database of its own) instead of the embedded wire server.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class StatusSyncScaleBenchmark {

	/**
	 * Due checks claimed per second of claiming: the workers claim side by side, so their
	 * summed claim time is shared among them.
	 */
	private static double claimedPerSecond(long claimed, long claimNanos, int workers) {
		return claimed / Math.max(1e-9, claimNanos / 1e9 / workers);
	}

	@Test
	void claimsAndSchedulesDueBatchesOfManyOutstandingOrders() {
		int orders = Integer.getInteger("benchmark.orders", 100_000);
		int claims = Integer.getInteger("benchmark.claims", 5_000);
		int batch = Integer.getInteger("benchmark.batch", 100);
		int workers = Integer.getInteger("benchmark.workers", 4);
		String database = "status-sync-benchmark-" + System.currentTimeMillis();
		// a real MongoDB (its indexes are used) when given, else the wire server the
		// tests use
		String realMongo = System.getProperty("benchmark.mongo-uri");
		String uri = (realMongo != null && !realMongo.isBlank()) ? realMongo : TestInfrastructure.mongoUri(database);
		String server = (realMongo != null && !realMongo.isBlank()) ? "MongoDB at benchmark.mongo-uri"
				: "embedded mongo-java-server (the due_checks index kept in key order)";
		try (MongoClient client = MongoClients.create(uri)) {
			ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, database);
			DueChecks dueChecks = new DueChecks(mongo);
			CheckSchedule schedule = new CheckSchedule(Map.of("digicert", Duration.ofSeconds(2)), Duration.ofMinutes(1),
					Duration.ofSeconds(2), Duration.ofMinutes(5),
					new Pace(Duration.ofMinutes(10), 0.1, Duration.ofHours(1), 5, Duration.ofHours(4)));
			mongo.indexOps(TrackedOrder.class)
				.createIndex(new Index().on("state", Sort.Direction.ASC).on("nextCheckAt", Sort.Direction.ASC))
				.block(Duration.ofMinutes(1));

			Instant base = Instant.now().minus(Duration.ofHours(1));
			long insertStart = System.nanoTime();
			int chunk = 10_000;
			for (int from = 0; from < orders; from += chunk) {
				List<Document> page = new ArrayList<>(chunk);
				for (int i = from; i < Math.min(from + chunk, orders); i++) {
					Instant due = base.plusMillis(i % 3_600_000);
					page.add(new Document("_id", "bench-" + i).append("resellerId", "reseller-" + (i % 500))
						.append("correlationId", "corr-" + i)
						.append("ca", CertificateAuthority.DIGICERT.name())
						.append("caOrderId", Integer.toString(1_000_000 + i))
						.append("state", TrackingState.OUTSTANDING.name())
						.append("submittedAt", Date.from(base))
						.append("nextCheckAt", Date.from(due))
						.append("checks", 0)
						.append("consecutiveFailures", 0)
						.append("outbox", List.of())
						.append("appliedEventIds", List.of())
						.append("validation", ((i % 5 == 0) ? Validation.OV : Validation.DV).name())
						.append("paceFrom", Date.from(base)));
				}
				mongo.insert(page, TrackedOrder.COLLECTION).then().block(Duration.ofMinutes(5));
			}
			double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
			System.out.printf("%nbenchmark: inserted %,d outstanding orders in %.1f s%n", orders, insertSeconds);

			AtomicLong claimed = new AtomicLong();
			AtomicLong batches = new AtomicLong();
			AtomicLong claimNanos = new AtomicLong();
			AtomicLong writeNanos = new AtomicLong();
			long firstBatchStart = System.nanoTime();
			Instant now = Instant.now();
			long firstBatch = dueChecks.claimBatch(now, now.plusSeconds(30), "bench-0", batch)
				.count()
				.block(Duration.ofMinutes(10));
			double firstBatchMillis = (System.nanoTime() - firstBatchStart) / 1e6;
			claimed.addAndGet(firstBatch);
			System.out.printf("benchmark: first batch of %d claimed in %.1f ms%n", firstBatch, firstBatchMillis);

			long steadyStart = System.nanoTime();
			Flux.range(0, workers).flatMap(worker -> Flux.range(0, Integer.MAX_VALUE).concatMap(round -> {
				Instant tick = Instant.now();
				long claimStart = System.nanoTime();
				return dueChecks.claimBatch(tick, tick.plusSeconds(30), "bench-" + worker, batch)
					.collectList()
					.doOnNext(leased -> claimNanos.addAndGet(System.nanoTime() - claimStart))
					.flatMap(leased -> {
						long writeStart = System.nanoTime();
						return Flux.fromIterable(leased)
							.concatMap(order -> mongo.updateFirst(
									Query.query(Criteria.where("_id")
										.is(order.id())
										.and("state")
										.is(TrackingState.OUTSTANDING)
										.and("leaseId")
										.is(order.leaseId())),
									new Update()
										.set("nextCheckAt",
												schedule.afterAnswer(order.ca(), order.validation(), order.paceFrom(),
														tick))
										.unset("leaseId")
										.unset("leaseOwner")
										.inc("checks", 1),
									TrackedOrder.class))
							.count()
							.doOnNext(written -> writeNanos.addAndGet(System.nanoTime() - writeStart));
					})
					.doOnNext(count -> {
						claimed.addAndGet(count);
						batches.incrementAndGet();
					});
			}, 1).takeUntil(count -> count == 0 || claimed.get() >= claims), workers).blockLast(Duration.ofHours(1));
			double steadySeconds = (System.nanoTime() - steadyStart) / 1e9;
			long steadyChecks = claimed.get() - firstBatch;
			double claimMillisPerBatch = claimNanos.get() / 1e6 / Math.max(1, batches.get());
			double writeMillisPerOrder = writeNanos.get() / 1e6 / Math.max(1, steadyChecks);

			String report = String.format("%nStatusSyncScaleBenchmark on %s (%d cores, Java %s, max heap %d MB), %s%n"
					+ "  outstanding orders inserted: %,d in %.1f s (%,.0f/s)%n"
					+ "  first batch of %d claimed in %.1f ms%n"
					+ "  steady batch claims: %.1f ms per batch of up to %d (%d batches, %d workers)"
					+ " = %,.0f due checks/s claimed%n"
					+ "  steady schedule writes: %.1f ms per order (one conditional update each)%n"
					+ "  steady claim+schedule: %,d checks in %.1f s = %,.1f checks/s (%d workers, batches of %d)%n",
					System.getProperty("os.name") + " " + System.getProperty("os.arch"),
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					Runtime.getRuntime().maxMemory() / (1024 * 1024), server, orders, insertSeconds,
					orders / insertSeconds, firstBatch, firstBatchMillis, claimMillisPerBatch, batch, batches.get(),
					workers, claimedPerSecond(steadyChecks, claimNanos.get(), workers), writeMillisPerOrder,
					steadyChecks, steadySeconds, steadyChecks / steadySeconds, workers, batch);
			System.out.println(report);
			// a database of its own (named by the run), on a real server too
			mongo.getMongoDatabase()
				.flatMap(db -> reactor.core.publisher.Mono.from(db.drop()))
				.block(Duration.ofMinutes(5));
		}
	}

}
