package com.rvssl.notify;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.rvssl.kit.security.ApiKeys;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TestSeed;
import com.rvssl.kit.test.badinput.BadInputRun;
import com.rvssl.kit.test.badinput.BadInputSettings;
import com.rvssl.kit.test.badinput.BadRequest;
import com.rvssl.kit.test.badinput.BadRequests;
import com.rvssl.kit.test.badinput.Credential;
import com.rvssl.kit.test.badinput.Field;
import com.rvssl.kit.test.badinput.MongoSnapshot;
import com.rvssl.kit.test.badinput.Operation;
import com.rvssl.kit.test.badinput.SpringTestInstance;
import com.rvssl.notify.deliveries.Delivery;
import com.rvssl.notify.deliveries.DeliveryChannel;
import com.rvssl.notify.deliveries.DeliveryStatus;
import com.rvssl.notify.recipients.Reseller;
import com.rvssl.notify.recipients.Resellers;
import com.rvssl.notify.webhooks.HostResolver;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import org.bson.conversions.Bson;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated bad requests (see {@link BadRequests}) to notification's webhook
 * and delivery-log API: every answer must be a 4xx problem, and no webhook or delivery
 * may change. The service has no OpenAPI description: its operations are the table below,
 * from {@code API.md} and the controllers. The service runs on a database of its own with
 * its Kafka listeners not started, so that nothing but the run's requests can write to
 * it; the resellers, their webhooks and deliveries are stored directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.listener.auto-startup=false", "spring.mail.port=1",
				"spring.kafka.consumer.group-id=notification-bad-input" })
@AutoConfigureWebTestClient
@Import(BadInputRunIntegrationTests.ExampleDns.class)
class BadInputRunIntegrationTests extends ServiceIntegrationTest {

	private static final String OPERATOR_KEY = "operator-key-for-bad-input";

	private static final int RESELLERS = 4;

	private static final String WEBHOOK = "{\"url\":\"https://whmcs.example.com/modules/addons/rvssl/webhook.php\","
			+ "\"secret\":\"a-long-enough-webhook-secret\"}";

	static final List<Operation> OPERATIONS = List.of(Operation.of("PUT", "/api/v1/webhook", Credential.RESELLER)
		.withBody(WEBHOOK, Field.code("/url")
			.mandatory()
			.refusing("\"http://127.0.0.1:8082/api/v1/account\"", "\"http://169.254.169.254/latest/meta-data/\"",
					"\"http://[::1]/\"", "\"http://localhost:8083/internal/orders\"", "\"ftp://whmcs.example.com/\"",
					"\"https://user:pass@10.0.0.1/\"", "\"//whmcs.example.com/hook\"", "\"https:///nohost\""),
				Field.text("/secret", 0).mandatory().refusing("\"short\"", "\"\"", "\"fifteen-chars!!\"")),
			Operation.of("GET", "/api/v1/webhook", Credential.RESELLER),
			Operation.of("DELETE", "/api/v1/webhook", Credential.RESELLER),
			Operation.of("GET", "/api/v1/deliveries", Credential.RESELLER)
				.withQuery("channel", true, "SMS", "email%00"),
			Operation.of("POST", "/api/v1/admin/deliveries/{own-delivery}/replay", Credential.OPERATOR));

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Resellers resellers;

	@Value("${local.server.port}")
	int port;

	private BadInputRun run;

	private MongoSnapshot before;

	private Map<String, Bson> watched;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "notification-bad-input");
		registry.add("rvssl.security.operator-key-hash", () -> ApiKeys.hash(OPERATOR_KEY));
	}

	@Property
	@AddLifecycleHook(BadInputSettings.class)
	void everyBadRequestIsAnsweredWithAProblemAndChangesNothing(@ForAll("badRequests") BadRequest request) {
		start();
		this.run.send(request);
	}

	@Provide
	Arbitrary<BadRequest> badRequests() {
		Map<String, Arbitrary<BadRequest>> own = new LinkedHashMap<>();
		// the webhook is the caller's own; the operator has none and replays for all
		own.put("wrong-role", Arbitraries.of(
				new BadRequest("wrong-role", "PUT", "/api/v1/webhook", Credential.OPERATOR, List.of(),
						"application/json", WEBHOOK.getBytes(StandardCharsets.UTF_8)),
				new BadRequest("wrong-role", "GET", "/api/v1/webhook", Credential.OPERATOR, List.of(), null, null),
				new BadRequest("wrong-role", "DELETE", "/api/v1/webhook", Credential.OPERATOR, List.of(), null, null),
				new BadRequest("wrong-role", "POST", "/api/v1/admin/deliveries/{own-delivery}/replay",
						Credential.RESELLER, List.of(), null, null)));
		// another reseller's dead delivery: the reseller may not replay it, and only
		// sees its own deliveries; a sent one cannot be replayed
		own.put("other-reseller", Arbitraries.of(
				new BadRequest("other-reseller", "POST", "/api/v1/admin/deliveries/{other-delivery}/replay",
						Credential.RESELLER, List.of(), null, null),
				new BadRequest("other-reseller", "POST", "/api/v1/admin/deliveries/{other-sent-delivery}/replay",
						Credential.OPERATOR, List.of(), null, null)));
		return BadRequests.of(OPERATIONS, own);
	}

	@AfterProperty
	void nothingChangedAndEveryAnswerWasAProblem() {
		System.out.println(this.run.summary(TestSeed.get()));
		this.run.findingExamples().forEach((finding) -> System.out.println("  " + finding));
		List<String> changes = this.before.changesIn(MongoSnapshot.settled(this.mongo, this.watched));
		changes.forEach((change) -> System.out.println("  database changed: " + change));
		assertThat(this.run.total()).isEqualTo(BadInputSettings.tries());
		assertThat(this.run.findingExamples()).as("answers that are not 4xx problems").isEmpty();
		assertThat(changes).as("changes in the database").isEmpty();
	}

	private synchronized void start() {
		if (this.run != null) {
			return;
		}
		SpringTestInstance.prepare(this);
		Seeded other = seed("other");
		List<Map<String, String>> members = new ArrayList<>();
		for (int i = 0; i < RESELLERS; i++) {
			Seeded reseller = seed("fuzz-" + i);
			Map<String, String> member = new LinkedHashMap<>();
			member.put("reseller-key", reseller.key());
			member.put("own-delivery", reseller.deadDelivery());
			member.put("other-delivery", other.deadDelivery());
			member.put("other-sent-delivery", other.sentDelivery());
			member.put("other-key", other.key());
			members.add(member);
		}
		this.watched = Map.of("resellers", Filters.empty(), "webhook_endpoints", Filters.empty(), "deliveries",
				Filters.empty());
		this.before = MongoSnapshot.settled(this.mongo, this.watched);
		this.run = new BadInputRun("notification-service", this.http, "http://localhost:" + this.port, members,
				OPERATOR_KEY);
	}

	/** A reseller with a webhook, one dead and one sent delivery. */
	private Seeded seed(String name) {
		String id = newId(name);
		String key = "key-" + UUID.randomUUID();
		this.resellers.save(new Reseller(id, "Hosting " + id, "ops@" + id + ".example", ApiKeys.hash(key))).block();
		this.http.put()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.bodyValue(WEBHOOK)
			.exchange()
			.expectStatus()
			.isOk();
		return new Seeded(key, delivery(id, DeliveryStatus.DEAD), delivery(id, DeliveryStatus.SENT));
	}

	private String delivery(String resellerId, DeliveryStatus status) {
		String id = UUID.randomUUID().toString();
		Instant now = Instant.now();
		this.mongo
			.insert(new Delivery(id, "event-" + id, newId("order"), resellerId, now, DeliveryChannel.WEBHOOK,
					"https://whmcs.example.com/modules/addons/rvssl/webhook.php", "PaymentCaptured", status, 5,
					(status == DeliveryStatus.DEAD) ? "refused" : null, null,
					(status == DeliveryStatus.SENT) ? now : null, null, "{}", null, null, null))
			.block();
		return id;
	}

	private record Seeded(String key, String deadDelivery, String sentDelivery) {
	}

	/**
	 * The run's WHMCS lives at whmcs.example.com, which must resolve to a public address
	 * for its webhook to be registered at all; this machine may have no DNS for it.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class ExampleDns {

		@Bean
		@Primary
		HostResolver exampleDns() {
			HostResolver system = HostResolver.system();
			return (host) -> host.endsWith(".example.com")
					? List.of(InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 215, 14 }))
					: system.resolve(host);
		}

	}

}
