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

/**
 * A CA's queue of re-attempts when several of its orders were placed in the same instant:
 * the sweep's search for due records and its search for the CA's oldest waiting order
 * must name the same head, whichever index answers each (here the embedded database walks
 * the queue's index in key order for one and sorts a scan for the other). No sweep runs
 * on its own here; the test claims.
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

	@Test
	void dueOrdersPlacedInTheSameInstantAreClaimedOneByOneInIdOrder() {
		await().atMost(TIMEOUT)
			.until(() -> mongo.indexOps(SubmissionRecord.class)
				.getIndexInfo()
				.map(IndexInfo::getName)
				.collectList()
				.block(TIMEOUT)
				.contains("ca_queue"));
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

	private static SubmissionRecord waiting(String orderId, Instant createdAt, Instant nextAttemptAt) {
		return new SubmissionRecord(orderId, "reseller-1", "corr-" + orderId, CertificateAuthority.DIGICERT,
				"ssl_dv_rapidssl", Validation.DV, 12, List.of("queue.example.com"), "csr",
				new Dcv(DcvMethod.EMAIL, "admin@queue.example.com"), null, SubmissionState.RETRYING, 1, null, "CA down",
				nextAttemptAt, null, 0, createdAt, createdAt, List.of(), List.of(), List.of(), null, List.of(), null,
				null);
	}

}
