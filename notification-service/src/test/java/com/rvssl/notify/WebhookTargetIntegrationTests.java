package com.rvssl.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.kit.security.ApiKeys;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.notify.deliveries.Deliveries;
import com.rvssl.notify.deliveries.Delivery;
import com.rvssl.notify.webhooks.HostResolver;
import com.rvssl.notify.webhooks.WebhookEndpoint;
import com.rvssl.notify.webhooks.WebhookEndpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook targets under the production settings (https only, no private network allowed):
 * a reseller cannot point the platform's posts at loopback, private, link-local,
 * multicast or unspecified addresses, neither at registration nor by changing its DNS
 * answer afterwards, and the delivery log tells it nothing about what listens there. DNS
 * is played by this test (the {@link HostResolver} bean); a raw TCP listener on 127.0.0.1
 * counts every connection the platform makes to it. A webhook gets three attempts here,
 * 0.2 s apart at first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.notify.webhook.backoff=PT0.2S", "rvssl.notify.webhook.max-backoff=PT0.5S",
				"rvssl.notify.webhook.max-attempts=3", "rvssl.notify.webhook.timeout=PT2S",
				"rvssl.notify.retry.sweep-interval=PT0.1S", "rvssl.notify.retry.send-lease=PT10S", "spring.mail.port=1",
				"spring.kafka.consumer.group-id=notification-webhook-targets-it" })
@AutoConfigureWebTestClient
@Import(WebhookTargetIntegrationTests.PlayedDns.class)
class WebhookTargetIntegrationTests extends ServiceIntegrationTest {

	/** What the delivery log keeps for a refused target, whatever listens there. */
	private static final String REFUSED = "webhook target refused by the platform's rules";

	private static final String PUBLIC_ADDRESS = "93.184.215.14";

	/**
	 * The names this test's DNS knows, each with its answers in turn; the last repeats.
	 */
	private static final Map<String, Deque<String>> DNS = new ConcurrentHashMap<>();

	private static final AtomicInteger CONNECTIONS = new AtomicInteger();

	/** Anything that connects is counted; nothing is ever answered. */
	private static final DisposableServer LISTENER = TcpServer.create()
		.host("127.0.0.1")
		.port(0)
		.doOnConnection(connection -> CONNECTIONS.incrementAndGet())
		.handle((in, out) -> in.receive().then())
		.bindNow();

	private static Reseller refusals;

	static {
		DNS.put("whmcs.public.test", answers(PUBLIC_ADDRESS));
		DNS.put("metadata.google.internal", answers("169.254.169.254"));
		DNS.put("whmcs.internal.test", answers("10.0.0.7"));
		DNS.put("split.test", answers(PUBLIC_ADDRESS + ",10.0.0.8"));
		DNS.put("v6.private.test", answers(PUBLIC_ADDRESS + ",fd00::8"));
	}

	@Autowired
	private WebhookEndpoints endpoints;

	@Autowired
	private Deliveries deliveries;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "notification-webhook-targets");
		registry.add("rvssl.security.operator-key-hash", () -> ApiKeys.hash("operator-key-for-target-tests"));
	}

	@AfterAll
	static void stopListener() {
		LISTENER.disposeNow();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			https://127.0.0.1/hook                              | loopback
			https://127.8.9.10:8082/internal                    | loopback
			https://[::1]/hook                                  | loopback
			https://10.1.2.3/hook                               | private
			https://172.16.5.4/hook                             | private
			https://192.168.1.20:8443/hook                      | private
			https://[fd00:ec2::254]/latest/meta-data/           | private
			https://169.254.169.254/latest/meta-data/           | link-local
			https://[fe80::1]/hook                              | link-local
			https://224.0.0.251/hook                            | multicast
			https://[ff02::1]/hook                              | multicast
			https://0.0.0.0/hook                                | unspecified
			https://[::]/hook                                   | unspecified
			https://100.64.0.1/hook                             | carrier-grade NAT
			https://[::ffff:127.0.0.1]/hook                     | loopback
			https://[::ffff:a9fe:a9fe]/latest/meta-data/        | link-local
			https://[64:ff9b::a9fe:a9fe]/latest/meta-data/      | link-local
			https://metadata.google.internal/computeMetadata/v1 | public internet addresses only
			https://whmcs.internal.test/hook                    | public internet addresses only
			https://split.test/hook                             | public internet addresses only
			https://v6.private.test/hook                        | public internet addresses only
			https://nowhere.test/hook                           | public internet addresses only
			""")
	void refusesAWebhookToANonPublicAddressAndStoresNothing(String url, String reason) {
		Reseller reseller = refusalReseller();
		putWebhook(reseller, url).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/invalid-webhook")
			.jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).contains(reason))
			.jsonPath("$.errors[0].field")
			.isEqualTo("url")
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> assertThat(message).contains(reason));
		assertNoWebhook(reseller);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			ftp://whmcs.public.test/hook                        | must be an https URL
			file:///etc/passwd                                  | must be an https URL
			gopher://whmcs.public.test:70/_hook                 | must be an https URL
			whmcs.public.test/hook                              | must be an https URL
			https://user:password@whmcs.public.test/hook        | user name or password
			https://whmcs.public.test/hook#part                 | fragment
			https:///hook                                       | must name a host
			https://2130706433/hook                             | four decimal numbers
			https://0x7f000001/hook                             | four decimal numbers
			https://0177.0.0.1/hook                             | four decimal numbers
			https://127.1/hook                                  | four decimal numbers
			""")
	void refusesAWebhookUrlOfAnUnsafeShapeAndStoresNothing(String url, String reason) {
		Reseller reseller = refusalReseller();
		putWebhook(reseller, url).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("url")
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> assertThat(message).contains(reason));
		assertNoWebhook(reseller);
	}

	@Test
	void acceptsOnlyHttpsByDefault() {
		Reseller reseller = register("https-only");
		putWebhook(reseller, "http://whmcs.public.test/modules/addons/rvssl/callback.php").expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be an https URL");
		assertNoWebhook(reseller);

		putWebhook(reseller, "https://whmcs.public.test/modules/addons/rvssl/callback.php").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.url")
			.isEqualTo("https://whmcs.public.test/modules/addons/rvssl/callback.php");
	}

	/**
	 * DNS rebinding: the name answers a public address when the webhook is registered and
	 * loopback (where something listens) when the post connects. The system's own DNS
	 * also says loopback for {@code localhost}, so a sender that resolved the name again
	 * by itself would connect.
	 */
	@Test
	void aNameThatRebindsToLoopbackAfterRegistrationIsNeverConnectedTo() {
		DNS.put("localhost", answers(PUBLIC_ADDRESS, "127.0.0.1"));
		Reseller reseller = register("rebind");
		putWebhook(reseller, "https://localhost:" + LISTENER.port() + "/hook").expectStatus().isOk();
		int connectionsBefore = CONNECTIONS.get();
		String orderId = newId("order");

		send(EventEnvelope.of(orderId, reseller.id(), "corr",
				new PaymentCaptured(Money.of(1299, "USD"), Money.of(1, "USD"))));

		Delivery dead = awaitDead(reseller, orderId);
		assertThat(dead.attempts()).isEqualTo(3);
		assertThat(dead.lastError()).isEqualTo(REFUSED);
		assertThat(CONNECTIONS.get()).isEqualTo(connectionsBefore);
	}

	/**
	 * An endpoint stored before the rules (or by any other way around registration) is
	 * checked again at every post: loopback is never connected to, and an open and a
	 * closed port look the same in the delivery log.
	 */
	@Test
	void aStoredLoopbackWebhookFailsTheSameWhetherItsPortIsOpenOrClosed() throws IOException {
		Reseller open = register("open-port");
		Reseller closed = register("closed-port");
		store(open, "https://127.0.0.1:" + LISTENER.port() + "/hook");
		store(closed, "https://127.0.0.1:" + closedPort() + "/hook");
		int connectionsBefore = CONNECTIONS.get();
		String openOrder = newId("order");
		String closedOrder = newId("order");

		send(EventEnvelope.of(openOrder, open.id(), "corr",
				new PaymentCaptured(Money.of(1, "USD"), Money.of(1, "USD"))));
		send(EventEnvelope.of(closedOrder, closed.id(), "corr",
				new PaymentCaptured(Money.of(1, "USD"), Money.of(1, "USD"))));

		Delivery toOpenPort = awaitDead(open, openOrder);
		Delivery toClosedPort = awaitDead(closed, closedOrder);
		assertThat(toOpenPort.lastError()).isEqualTo(REFUSED).isEqualTo(toClosedPort.lastError());
		assertThat(toOpenPort.attempts()).isEqualTo(toClosedPort.attempts());
		assertThat(CONNECTIONS.get()).isEqualTo(connectionsBefore);
	}

	private Delivery awaitDead(Reseller reseller, String orderId) {
		await().atMost(PATIENCE)
			.until(() -> deliveryLog(reseller.key(), orderId, "WEBHOOK").stream()
				.anyMatch(line -> !line.status().equals("RETRYING")));
		DeliveryLine line = deliveryLog(reseller.key(), orderId, "WEBHOOK").get(0);
		assertThat(line.status()).isEqualTo("DEAD");
		return deliveries.byId(line.id()).block(PATIENCE);
	}

	private void store(Reseller reseller, String url) {
		endpoints.save(new WebhookEndpoint(reseller.id(), url, reseller.secret(), Instant.now())).block(PATIENCE);
	}

	private WebTestClient.ResponseSpec putWebhook(Reseller reseller, String url) {
		return http.put()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + reseller.key())
			.bodyValue(Map.of("url", url, "secret", reseller.secret()))
			.exchange();
	}

	private void assertNoWebhook(Reseller reseller) {
		http.get()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + reseller.key())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private Reseller refusalReseller() {
		if (refusals == null) {
			refusals = register("refused");
		}
		return refusals;
	}

	private Reseller register(String name) {
		Reseller reseller = new Reseller(newId(name), newId("key"), "secret-" + UUID.randomUUID());
		announce(reseller.id(), name, reseller.key(), reseller.id() + "@reseller.test");
		return reseller;
	}

	/** A port nothing listens on (bound a moment ago, then let go). */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static Deque<String> answers(String... inTurn) {
		return new ConcurrentLinkedDeque<>(List.of(inTurn));
	}

	/**
	 * The played DNS: comma-separated address literals per answer; a name it does not
	 * know does not exist.
	 */
	static List<InetAddress> lookUp(String host) throws UnknownHostException {
		Deque<String> answers = DNS.get(host.toLowerCase(Locale.ROOT));
		String answer = (answers == null) ? null : (answers.size() > 1) ? answers.poll() : answers.peek();
		if (answer == null) {
			throw new UnknownHostException(host);
		}
		List<InetAddress> addresses = new ArrayList<>();
		for (String literal : answer.split(",")) {
			addresses.add(InetAddress.getByName(literal));
		}
		return addresses;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class PlayedDns {

		@Bean
		@Primary
		HostResolver playedDns() {
			return WebhookTargetIntegrationTests::lookUp;
		}

	}

	record Reseller(String id, String key, String secret) {
	}

}
