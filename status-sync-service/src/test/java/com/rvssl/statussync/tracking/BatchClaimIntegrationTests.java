package com.rvssl.statussync.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.kit.outbox.OutboxWakeUp;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.statussync.gateway.CaOrderStatus;
import com.rvssl.statussync.gateway.CaStatus;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DueChecks#claimBatch} against the MongoDB wire server the tests use, each test
 * in a database of its own: the batch claim keeps every guarantee of a claim of one order
 * at a time; and what the write of a claimed check's result tells the poller.
 */
class BatchClaimIntegrationTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	private static final Duration LEASE = Duration.ofSeconds(30);

	// MongoDB keeps milliseconds
	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final String database = "batch-claims-" + UUID.randomUUID();

	private MongoClient client;

	private ReactiveMongoTemplate mongo;

	private DueChecks dueChecks;

	private TrackedOrders orders;

	@BeforeEach
	void connect() {
		client = MongoClients.create(TestInfrastructure.mongoUri(database));
		mongo = new ReactiveMongoTemplate(client, database);
		dueChecks = new DueChecks(mongo);
		orders = new TrackedOrders(mongo, OutboxWakeUp.none(), new ReissuePoint(ReissuePoint.DEFAULT_FRACTION));
	}

	@AfterEach
	void dropTheDatabase() {
		mongo.getMongoDatabase().flatMap(db -> Mono.from(db.drop())).block(WAIT);
		client.close();
	}

	@Test
	void aBatchHoldsAtMostItsLimitOfTheMostOverdueOrdersOldestFirst() {
		List<Integer> minutesOverdue = new ArrayList<>(IntStream.rangeClosed(1, 10).boxed().toList());
		Collections.shuffle(minutesOverdue);
		insert(minutesOverdue.stream()
			.map(minutes -> outstanding("overdue-" + minutes + "-min", now.minus(Duration.ofMinutes(minutes))))
			.toList());

		List<TrackedOrder> batch = dueChecks.claimBatch(now, now.plus(LEASE), "replica-a", 4).collectList().block(WAIT);

		assertThat(batch).extracting(TrackedOrder::id)
			.containsExactly("overdue-10-min", "overdue-9-min", "overdue-8-min", "overdue-7-min");
		assertThat(batch).allSatisfy(claimed -> {
			assertThat(claimed.leaseOwner()).isEqualTo("replica-a");
			assertThat(claimed.leaseId()).isNotNull();
			assertThat(claimed.nextCheckAt()).as("due again only when the lease runs out").isEqualTo(now.plus(LEASE));
		});
		assertThat(orders.all(TrackingState.OUTSTANDING).filter(order -> order.leaseId() == null).count().block(WAIT))
			.as("the less overdue orders are left unclaimed")
			.isEqualTo(6);
	}

	@Test
	void twoReplicasClaimingTheSameDueOrdersConcurrentlyClaimEachOrderExactlyOnce() {
		int due = 500;
		insert(IntStream.range(0, due)
			.mapToObj(i -> outstanding("race-" + i, now.minus(Duration.ofMillis(due - i))))
			.toList());

		// 20 claimers per replica at once, each claiming batches of 50 until nothing is
		// due
		List<String> claimed = Flux
			.merge(Flux.range(0, 40)
				.map(claimer -> claimUntilNothingIsDue((claimer % 2 == 0) ? "replica-a" : "replica-b")
					.subscribeOn(Schedulers.parallel())))
			.collectList()
			.block(WAIT);

		assertThat(claimed).as("no order claimed twice").doesNotHaveDuplicates();
		assertThat(claimed).as("every due order claimed").hasSize(due);
		assertThat(orders.all(TrackingState.OUTSTANDING)
			.map(TrackedOrder::leaseOwner)
			.distinct()
			.collectList()
			.block(WAIT)).as("both replicas got a share").containsExactlyInAnyOrder("replica-a", "replica-b");
	}

	@Test
	void anOrderWhoseLeaseRanOutIsClaimedAgainAndTheOldLeaseCanNoLongerWrite() {
		insert(List.of(outstanding("leased", now.minusSeconds(1))));
		TrackedOrder first = dueChecks.claimBatch(now, now.plus(LEASE), "replica-a", 10).single().block(WAIT);

		Instant duringTheLease = now.plus(LEASE).minusMillis(1);
		assertThat(dueChecks.claimBatch(duringTheLease, duringTheLease.plus(LEASE), "replica-b", 10)
			.collectList()
			.block(WAIT)).as("not claimable while the lease holds").isEmpty();

		Instant afterTheLease = now.plus(LEASE);
		TrackedOrder second = dueChecks.claimBatch(afterTheLease, afterTheLease.plus(LEASE), "replica-b", 10)
			.single()
			.block(WAIT);
		assertThat(second.id()).isEqualTo("leased");
		assertThat(second.leaseOwner()).isEqualTo("replica-b");
		assertThat(second.leaseId()).isNotEqualTo(first.leaseId());
		assertThat(orders.recordGatewayError("leased", first.leaseId(), "late", afterTheLease.plus(LEASE)).block(WAIT))
			.as("the dead lease's result is refused")
			.isFalse();
		assertThat(
				orders.recordGatewayError("leased", second.leaseId(), "timeout", afterTheLease.plus(LEASE)).block(WAIT))
			.as("the current lease's result is written")
			.isTrue();
	}

	@Test
	void anOrderNotDueYetOrNoLongerOutstandingIsNeverClaimed() {
		insert(List.of(outstanding("due-now", now), outstanding("due-in-a-millisecond", now.plusMillis(1)),
				outstanding("due-in-an-hour", now.plus(Duration.ofHours(1))),
				outstanding("stopped", now.minusSeconds(60)).append("state", TrackingState.STOPPED.name()),
				outstanding("done", now.minusSeconds(60)).append("state", TrackingState.DONE.name())));

		assertThat(dueChecks.claimBatch(now, now.plus(LEASE), "replica-a", 100)
			.map(TrackedOrder::id)
			.collectList()
			.block(WAIT)).containsExactly("due-now");
		assertThat(dueChecks.claimBatch(now, now.plus(LEASE), "replica-a", 100).collectList().block(WAIT))
			.as("nothing else is due")
			.isEmpty();
	}

	@Test
	void theWriteOfACheckResultTellsWhetherAPushCameWhileTheCheckRan() {
		insert(List.of(outstanding("quiet", now.minusSeconds(1)), outstanding("pushed", now.minusSeconds(1)),
				outstanding("pushed-before", now.minusSeconds(1)).append("pushedAt", Date.from(now))));
		Map<String, TrackedOrder> claimed = dueChecks.claimBatch(now, now.plus(LEASE), "replica-a", 10)
			.collectMap(TrackedOrder::id)
			.block(WAIT);
		PushedOrders pushes = new PushedOrders(mongo);
		assertThat(pushes.pushed(CertificateAuthority.DIGICERT, "ca-pushed", false, now.plusMillis(5)).block(WAIT))
			.as("the push is for an outstanding order of ours")
			.isTrue();

		assertThat(record(claimed.get("quiet"))).isEqualTo(RecordedCheck.QUIET);
		assertThat(record(claimed.get("pushed-before")))
			.as("the push that made the order due came in the claim's millisecond")
			.isEqualTo(RecordedCheck.QUIET);
		assertThat(record(claimed.get("pushed"))).isEqualTo(RecordedCheck.PUSHED_MEANWHILE);
		assertThat(record(claimed.get("quiet"))).as("the lease was given back with the first result")
			.isEqualTo(RecordedCheck.REFUSED);

		TrackedOrder pushed = orders.byId("pushed").block(WAIT);
		assertThat(pushed.leaseId()).as("the result was written all the same").isNull();
		assertThat(pushed.checks()).isEqualTo(1);
		assertThat(orders.byId("quiet").block(WAIT).checks()).as("written once").isEqualTo(1);
		assertThat(RecordedCheck.QUIET.mayHaveMissedAPush()).isFalse();
		assertThat(RecordedCheck.PUSHED_MEANWHILE.mayHaveMissedAPush()).isTrue();
		assertThat(RecordedCheck.REFUSED.mayHaveMissedAPush()).as("a refused write cannot tell").isTrue();
		assertThat(pushes.recheckIfPushedSince("pushed", now, now.plusMillis(20)).block(WAIT))
			.as("the order pushed meanwhile is due again at once")
			.isTrue();
	}

	/**
	 * A check, claimed at {@link #now}, that found the order still waiting for
	 * validation, written under its lease.
	 */
	private RecordedCheck record(TrackedOrder claimed) {
		CaStatus pending = new CaStatus(claimed.id(), "DIGICERT", claimed.caOrderId(), CaOrderStatus.PENDING_VALIDATION,
				"pending", null, null, null);
		Observation unchanged = new Observation(pending, TrackingState.OUTSTANDING, List.of(), CheckOutcome.UNCHANGED);
		return orders
			.record(claimed, claimed.leaseId(), now, unchanged, now.plus(Duration.ofMinutes(5)), now.plusMillis(10))
			.block(WAIT);
	}

	/** Claims batches of 50 until the orders are all claimed, whoever claimed them. */
	private Flux<String> claimUntilNothingIsDue(String owner) {
		return Flux.range(0, 1_000)
			.concatMap(round -> dueChecks.claimBatch(now, now.plus(LEASE), owner, 50)
				.map(TrackedOrder::id)
				.collectList()
				.zipWith(dueChecks.oldestDue(now).hasElement()))
			.takeUntil(claimedAndMoreDue -> !claimedAndMoreDue.getT2())
			.flatMapIterable(Tuple2::getT1);
	}

	private void insert(List<Document> documents) {
		mongo.insert(documents, TrackedOrder.COLLECTION).then().block(WAIT);
	}

	/** An outstanding order as the service stores it, due at {@code due}. */
	private Document outstanding(String orderId, Instant due) {
		return new Document("_id", orderId).append("resellerId", "reseller-1")
			.append("correlationId", "corr-" + orderId)
			.append("ca", "DIGICERT")
			.append("caOrderId", "ca-" + orderId)
			.append("state", TrackingState.OUTSTANDING.name())
			.append("submittedAt", Date.from(now.minus(Duration.ofHours(1))))
			.append("nextCheckAt", Date.from(due))
			.append("checks", 0)
			.append("consecutiveFailures", 0)
			.append("outbox", List.of())
			.append("appliedEventIds", List.of())
			.append("validation", "DV")
			.append("paceFrom", Date.from(now.minus(Duration.ofHours(1))));
	}

}
