package com.rvssl.sandbox;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.ec;
import static com.rvssl.kit.test.TestCertificates.rsa2048;
import static com.rvssl.sandbox.DigicertOrders.DEV_KEY;
import static com.rvssl.sandbox.DigicertOrders.body;
import static com.rvssl.sandbox.DigicertOrders.placed;
import static com.rvssl.sandbox.DigicertOrders.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import com.mongodb.reactivestreams.client.MongoClient;
import com.rvssl.kit.problem.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sandbox started the way other modules' tests and the local stack start it: through
 * {@link SandboxCaApplication#start(String...)}, on a classpath that also holds the
 * MongoDB and Kafka starters (as a host module's does).
 */
class SandboxCaApplicationTests {

	private static final String NETTY_WORKAROUND = "reactor.netty.http.server.lastFlushWhenNoRead";

	@TempDir
	Path dataDir;

	@Test
	void theRootAndTheOrdersSurviveARestartWithADataDirectory() {
		String rootPem;
		long issuedId;
		long pendingId;
		try (ConfigurableApplicationContext first = start()) {
			WebTestClient client = clientFor(first);
			rootPem = roots(client);
			issuedId = placed(client, "ssl_basic",
					body("kept.example.com", List.of(), csr(rsa2048(), "kept.example.com"), "ref-kept"));
			client.post()
				.uri("/sandbox/orders/{id}/advance", issuedId)
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.bodyValue(java.util.Map.of("to", "issued"))
				.exchange()
				.expectStatus()
				.isOk();
			pendingId = placed(client, "ssl_ev_basic",
					body("waiting.example.com", List.of(), csr(ec("secp256r1"), "waiting.example.com"), "ref-wait"));
		}

		try (ConfigurableApplicationContext second = start()) {
			WebTestClient client = clientFor(second);
			assertThat(roots(client)).isEqualTo(rootPem);
			assertThat(status(client, issuedId)).isEqualTo("issued");
			assertThat(status(client, pendingId)).isEqualTo("pending");
			client.get()
				.uri("/sandbox/orders?reference=ref-kept")
				.exchange()
				.expectBody()
				.jsonPath("$[0].caOrderId")
				.isEqualTo(Long.toString(issuedId));

			byte[] chainPem = client.get()
				.uri("/services/v2/certificate/download/order/{id}/format/pem_all", issuedId)
				.header("X-DC-DEVKEY", DEV_KEY)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(byte[].class)
				.returnResult()
				.getResponseBody();
			List<X509Certificate> chain = Certificates.read(chainPem);
			assertThat(chain.get(2)).isEqualTo(Certificates.readPem(rootPem).get(0));

			long newId = placed(client, "ssl_basic",
					body("new.example.com", List.of(), csr(rsa2048(), "new.example.com"), "ref-new"));
			assertThat(newId).isGreaterThan(pendingId);
		}
	}

	@Test
	void itStartsBesideTheMongoAndKafkaStartersWithoutCreatingTheirBeans() {
		try (ConfigurableApplicationContext context = SandboxCaApplication.start("--server.port=0")) {
			assertThat(context.getBeanNamesForType(MongoClient.class)).isEmpty();
			assertThat(context.getBeanNamesForType(org.springframework.data.mongodb.core.ReactiveMongoTemplate.class))
				.isEmpty();
			assertThat(context.getBeanNamesForType(KafkaTemplate.class)).isEmpty();
			// nor the service kit's Kafka, health, outbox and problem parts
			assertThat(context.containsBean("rvsslTopics")).isFalse();
			assertThat(context.containsBean("mongo")).isFalse();
			assertThat(context.containsBean("kafka")).isFalse();
			assertThat(context.getBeanNamesForType(ProblemDetailsAdvice.class)).isEmpty();
			assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("sandbox-ca");
			clientFor(context).get().uri("/actuator/health").exchange().expectStatus().isOk();
			// Spring's own errors stay plain problems: an errors array would read as
			// DigiCert's error list
			clientFor(context).delete()
				.uri("/services/v2/order/certificate")
				.header("X-DC-DEVKEY", DEV_KEY)
				.exchange()
				.expectStatus()
				.isEqualTo(405)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("Method Not Allowed")
				.jsonPath("$.errors")
				.doesNotExist();
		}
	}

	/**
	 * The service kit sets the Reactor Netty option for every application it is in (the
	 * sandbox's own start included), unless the JVM already has one; the build sets it
	 * for the whole test JVM, so it is cleared here to see the kit do it.
	 */
	@Test
	void theKitSetsTheReactorNettyKeepAliveWorkaroundWhenTheSandboxStarts() {
		String ours = System.clearProperty(NETTY_WORKAROUND);
		try (ConfigurableApplicationContext context = SandboxCaApplication.start("--server.port=0")) {
			assertThat(System.getProperty(NETTY_WORKAROUND)).isEqualTo("true");
		}
		finally {
			if (ours != null) {
				System.setProperty(NETTY_WORKAROUND, ours);
			}
		}
	}

	private ConfigurableApplicationContext start() {
		return SandboxCaApplication.start("--server.port=0", "--sandbox.data-dir=" + this.dataDir,
				"--sandbox.dv.auto-approve=false");
	}

	private static WebTestClient clientFor(ConfigurableApplicationContext context) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
			.build();
	}

	private static String roots(WebTestClient client) {
		return client.get().uri("/sandbox/roots").exchange().expectBody(String.class).returnResult().getResponseBody();
	}

}
