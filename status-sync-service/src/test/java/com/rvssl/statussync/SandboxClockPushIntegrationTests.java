package com.rvssl.statussync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.sandbox.SandboxCaApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Sectigo-style DV order approved by the sandbox CA's own clock shows "Issued" within
 * seconds of that approval, although Sectigo orders are polled only every three hours:
 * the sandbox (in this JVM, really signing) issues when the approval is due and pushes to
 * status sync at once, which checks the order through the gateway (a stand-in asking the
 * sandbox's CollectSSL, as the gateway's Sectigo adapter does) against a real broker and
 * a MongoDB wire server. Nothing reads the CA order before the push, so nothing but the
 * CA's clock can have issued it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.sync.poll-interval=PT0.1S", "rvssl.outbox.poll-interval=PT0.1S",
				"spring.kafka.consumer.group-id=status-sync-sandbox-clock-it",
				"rvssl.sync.push.sectigo-token=" + SandboxClockPushIntegrationTests.SECTIGO_TOKEN })
@AutoConfigureWebTestClient
class SandboxClockPushIntegrationTests extends ServiceIntegrationTest {

	static final String SECTIGO_TOKEN = "test-sectigo-clock-token";

	/** The sandbox's DV auto-approval delay here. */
	private static final Duration APPROVE_AFTER = Duration.ofSeconds(3);

	/** "Within seconds of the approval": the push, one check, the events. */
	private static final Duration WITHIN = Duration.ofSeconds(5);

	static final GatewayStandIn gateway = GatewayStandIn.start();

	static ConfigurableApplicationContext sandbox;

	static String sandboxUrl;

	private WebClient ca;

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		register(registry, "status-sync-sandbox-clock", gateway);
	}

	@BeforeAll
	static void startSandbox() {
		sandbox = SandboxCaApplication.start("--server.port=0", "--sandbox.dv.approve-after=" + APPROVE_AFTER);
		sandboxUrl = "http://127.0.0.1:" + sandbox.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stop() {
		gateway.stop();
		sandbox.close();
	}

	@BeforeEach
	void sandboxPushesToThisStatusSync() {
		ca = WebClient.create(sandboxUrl);
		ca.put()
			.uri("/sandbox/sectigo/push-url")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("loginName", "sandbox-reseller", "url",
					"http://127.0.0.1:" + port + "/ca-push/sectigo?token=" + SECTIGO_TOKEN))
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10));
	}

	@Test
	void aSectigoDvOrderWithAutoApprovalShowsIssuedWithinSecondsOfTheSandboxsApproval() {
		String orderId = newOrderId();
		String domain = "clock-" + orderId.substring(4, 12) + ".example.com";
		String orderNumber = placeSectigoDvOrder(orderId, domain);
		gateway.followSectigo(orderId, sandboxUrl, orderNumber);
		send(submitted(orderId, CertificateAuthority.SECTIGO, orderNumber));
		await().atMost(PATIENCE).until(() -> tracked(orderId) != null);
		// by polling alone, status sync would look at it in three hours
		assertThat(nextCheckOf(orderId)).isAfter(Instant.now().plus(Duration.ofHours(3)).minusSeconds(30));

		await().atMost(APPROVE_AFTER.plus(WITHIN).plus(Duration.ofSeconds(5)))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		Instant shown = Instant.now();

		JsonNode caOrder = ca.get()
			.uri("/sandbox/orders/{id}", orderNumber)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(10));
		assertThat(caOrder.get("status").asString()).isEqualTo("issued");
		Instant approved = Instant.parse(caOrder.get("createdAt").asString()).plus(APPROVE_AFTER);
		assertThat(Duration.between(approved, shown)).isLessThanOrEqualTo(WITHIN);
		// the push said "issued" (status code 6): one call for the certificate, no status
		// read before or after
		assertThat(gateway.statusCalls(orderId)).isZero();
		assertThat(gateway.certificateCalls(orderId)).isEqualTo(1);
		assertThat(caOrder.get("calls").path("status").asInt(0)).isZero();
		assertThat(caOrder.get("calls").get("download").asInt()).isEqualTo(1);
	}

	/** As the gateway's Sectigo adapter orders: PositiveSSL DV, approved by email. */
	private String placeSectigoDvOrder(String orderId, String domain) {
		String form = "loginName=sandbox-reseller&loginPassword=sandbox-password&product=287&days=365"
				+ "&dcvMethod=EMAIL&dcvEmailAddress=admin%40" + domain + "&uniqueValue=" + orderId + "&csr="
				+ java.net.URLEncoder.encode(TestCertificates.csr(TestCertificates.rsa2048(), domain),
						java.nio.charset.StandardCharsets.UTF_8);
		String reply = ca.post()
			.uri("/products/!AutoApplySSL")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue(form)
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10));
		return reply.lines()
			.filter(line -> line.startsWith("orderNumber="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("not ordered: " + reply))
			.substring("orderNumber=".length());
	}

}
