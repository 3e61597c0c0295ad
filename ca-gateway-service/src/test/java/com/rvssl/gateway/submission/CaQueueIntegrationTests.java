package com.rvssl.gateway.submission;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Validation;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A CA's queue of re-attempts when several of its orders were placed in the same instant:
 * the sweep's search for due records and its search for the CA's oldest waiting order
 * must name the same head, whichever index answers each (here the embedded database walks
 * the queue's index in key order for one and sorts the due index's slice for the other).
 * No sweep runs on its own here; the test claims.
 */
@SpringBootTest(properties = "rvssl.gateway.sweep.interval=PT1H")
// closed after the class: another gateway context in this JVM would share its Kafka
// consumer group
@DirtiesContext
class CaQueueIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	SubmissionStore store;

	@Autowired
	ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "gateway-ca-queue-tests");
		TestKeys.register(registry);
	}

	@BeforeEach
	void indexesInPlace() {
		await().atMost(TIMEOUT)
			.until(() -> mongo.indexOps(SubmissionRecord.class)
				.getIndexInfo()
				.map(IndexInfo::getName)
				.collectList()
				.block(TIMEOUT)
				.containsAll(List.of("due", "claims", "ca_queue")));
	}

	@Test
	void dueOrdersPlacedInTheSameInstantAreClaimedOneByOneInIdOrder() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Instant placed = now.minusSeconds(60);
		// kept in the opposite of id order, so insertion order and id order disagree
		String run = "queue-" + UUID.randomUUID() + "-";
		List<String> ids = Stream.of("e", "d", "c", "b", "a").map(run::concat).toList();
		for (String id : ids) {
			mongo.insert(waiting(id, placed, now.minusSeconds(1))).block(TIMEOUT);
		}

		List<String> claimed = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			SubmissionRecord next = store.claimDue(now, now.minus(Duration.ofMinutes(2))).block(TIMEOUT);
			assertThat(next).as("claim %d of %d", i + 1, ids.size()).isNotNull();
			assertThat(next.state()).isEqualTo(SubmissionState.SUBMITTING);
			claimed.add(next.orderId());
		}

		assertThat(claimed).containsExactlyElementsOf(ids.stream().sorted(Comparator.naturalOrder()).toList());
		assertThat(store.claimDue(now, now.minus(Duration.ofMinutes(2))).block(TIMEOUT)).isNull();
	}

	/**
	 * The sweep's claim reads the due records and the stale claims, not the submissions
	 * made before them: its cost must not grow with every order ever submitted (here the
	 * embedded database counts the documents its queries examine).
	 */
	@Test
	void aClaimReadsOnlyTheDueAndStaleRecordsWhateverTheHistory() {
		assumeTrue(TestInfrastructure.mongoDocumentsExamined().isPresent(), "counts only on the embedded database");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String run = "history-" + UUID.randomUUID() + "-";
		List<SubmissionRecord> history = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			history.add(record(run + i, SubmissionState.SUBMITTED, now.minusSeconds(3_600), null, null));
		}
		mongo.insertAll(history).then().block(TIMEOUT);
		// a claim whose holder crashed, placed before the due re-attempt: it goes first
		mongo
			.insert(record(run + "stale", SubmissionState.SUBMITTING, now.minusSeconds(600), null,
					now.minusSeconds(300)))
			.block(TIMEOUT);
		mongo.insert(record(run + "due", SubmissionState.RETRYING, now.minusSeconds(300), now.minusSeconds(1), null))
			.block(TIMEOUT);

		long before = TestInfrastructure.mongoDocumentsExamined().getAsLong();
		SubmissionRecord first = store.claimDue(now, now.minus(Duration.ofMinutes(2))).block(TIMEOUT);
		SubmissionRecord second = store.claimDue(now, now.minus(Duration.ofMinutes(2))).block(TIMEOUT);
		long examined = TestInfrastructure.mongoDocumentsExamined().getAsLong() - before;

		assertThat(first.orderId()).isEqualTo(run + "stale");
		assertThat(second.orderId()).isEqualTo(run + "due");
		assertThat(examined).as("documents examined by two claims over %d submissions", history.size()).isLessThan(100);
	}

	private static SubmissionRecord waiting(String orderId, Instant createdAt, Instant nextAttemptAt) {
		return record(orderId, SubmissionState.RETRYING, createdAt, nextAttemptAt, null);
	}

	private static SubmissionRecord record(String orderId, SubmissionState state, Instant createdAt,
			Instant nextAttemptAt, Instant claimedAt) {
		return new SubmissionRecord(orderId, "reseller-1", "corr-" + orderId, CertificateAuthority.DIGICERT,
				"ssl_dv_rapidssl", Validation.DV, 12, List.of("queue.example.com"), "csr",
				new Dcv(DcvMethod.EMAIL, "admin@queue.example.com"), null, state, 1, null, "CA down", nextAttemptAt,
				claimedAt, 0, createdAt, createdAt, List.of(), List.of(), List.of(), null, List.of(), null, null);
	}

}
