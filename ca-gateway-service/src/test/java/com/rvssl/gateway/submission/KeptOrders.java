package com.rvssl.gateway.submission;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Customer;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.kit.test.TestCertificates;
import org.springframework.kafka.core.KafkaTemplate;

import static org.awaitility.Awaitility.await;

/**
 * The set-up the submission tests share: DV orders kept for submission (their OrderPlaced
 * handled by the gateway, not paid yet), events published and waited for.
 */
final class KeptOrders {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final KafkaTemplate<String, EventEnvelope> kafka;

	private final SubmissionStore store;

	KeptOrders(KafkaTemplate<String, EventEnvelope> kafka, SubmissionStore store) {
		this.kafka = kafka;
		this.store = store;
	}

	/** A DV order of {@code product} at {@code ca} for {@code domain}, kept. */
	String kept(CertificateAuthority ca, String product, String domain) {
		String orderId = "ord-" + UUID.randomUUID();
		publish(EventEnvelope.of(orderId, "reseller-1", "corr-" + orderId,
				new OrderPlaced("product-" + product, ca, product, Validation.DV, 12, List.of(domain),
						TestCertificates.csr(TestCertificates.rsa2048(), domain),
						new Dcv(DcvMethod.EMAIL, "admin@" + domain), new Customer("Ann Lee", "ann@example.com"), null,
						Money.of(1299, "USD"), Money.of(2999, "USD"), "whmcs-1")));
		await().atMost(PATIENCE).until(() -> store.find(orderId).blockOptional(TIMEOUT).isPresent());
		return orderId;
	}

	void publish(EventEnvelope envelope) {
		try {
			kafka.send(Topics.ORDERS, envelope.key(), envelope).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not publish " + envelope.type(), ex);
		}
	}

	/** Now, as the store keeps instants (milliseconds). */
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
