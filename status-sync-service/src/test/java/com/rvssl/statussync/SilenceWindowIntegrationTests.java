package com.rvssl.statussync;

import java.time.Duration;
import java.time.Instant;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.events.CertificateIssued;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With DigiCert's webhooks registered, status sync polls a DV order only once DigiCert
 * has been silent for the DV silence window (here 4 s; the pace alone would ask every
 * second), so the issuance whose push was lost is still found, by the window's poll,
 * against a real broker, a MongoDB wire server and a stand-in gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.sync.poll-interval=PT0.1S", "rvssl.sync.min-interval.digicert=PT1S",
				"rvssl.sync.silence-window.digicert.dv=PT4S", "rvssl.outbox.poll-interval=PT0.1S",
				"spring.kafka.consumer.group-id=status-sync-silence-it",
				"rvssl.sync.push.digicert-secret=test-digicert-silence-secret" })
@AutoConfigureWebTestClient
class SilenceWindowIntegrationTests extends ServiceIntegrationTest {

	private static final Duration WINDOW = Duration.ofSeconds(4);

	static final GatewayStandIn gateway = GatewayStandIn.start();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		register(registry, "status-sync-silence", gateway);
	}

	@AfterAll
	static void stopGateway() {
		gateway.stop();
	}

	@Test
	void anIssuanceWhosePushWasLostIsFoundOnceTheCaHasBeenSilentForTheOrdersWindow() {
		String orderId = newOrderId();
		// the CA issued at once; its webhook never came
		gateway.script(orderId, GatewayStandIn.issued());
		Instant submittedAround = Instant.now();
		send(submitted(orderId, CertificateAuthority.DIGICERT));
		await().atMost(PATIENCE).until(() -> tracked(orderId) != null);
		assertThat(nextCheckOf(orderId)).isAfter(submittedAround.plus(WINDOW).minusMillis(500));

		// silent for less than the window: not asked, though the CA's minimum is 1 s
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> gateway.statusCalls(orderId) == 0);

		await().atMost(WINDOW.plus(Duration.ofSeconds(10)))
			.until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		assertThat(gateway.statusCalls(orderId)).isEqualTo(1);
	}

}
