package com.rvssl.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The five services: their module, database and the settings the stack gives each. */
enum PlatformService {

	ORDER("order-service", "rvssl-orders"), BILLING("billing-service", "rvssl-billing"),
	CA_GATEWAY("ca-gateway-service", "rvssl-gateway"), STATUS_SYNC("status-sync-service", "rvssl-statussync"),
	NOTIFICATION("notification-service", "rvssl-notify");

	/**
	 * The local stack's fixed push secrets (status-sync checks them; the CA side sends
	 * them).
	 */
	static final String DIGICERT_WEBHOOK_SECRET = "local-digicert-webhook-secret";

	static final String SECTIGO_PUSH_TOKEN = "local-sectigo-push-token";

	/**
	 * The platform's service key (status-sync sends it to the gateway's
	 * {@code /internal/**}): new for each run of the stack, since only its own processes
	 * use it.
	 */
	static final String SERVICE_KEY = "rvs_" + java.util.UUID.randomUUID();

	/**
	 * Where DigiCert webhooks go: status-sync's receiver (registered by the gateway at
	 * start-up).
	 */
	static String digicertWebhookEndpoint(StackSettings settings) {
		return settings.url(settings.ports().statusSync()) + "/ca-push/digicert";
	}

	/**
	 * Where the sandbox's Sectigo account pushes: status-sync's receiver, the token in
	 * the URL.
	 */
	static String sectigoPushUrl(StackSettings settings) {
		return settings.url(settings.ports().statusSync()) + "/ca-push/sectigo?token=" + SECTIGO_PUSH_TOKEN;
	}

	private final String module;

	private final String database;

	PlatformService(String module, String database) {
		this.module = module;
		this.database = database;
	}

	String module() {
		return module;
	}

	Path jar(Path platformDir) {
		return platformDir.resolve(module).resolve("target").resolve(module + ".jar");
	}

	int port(StackSettings.Ports ports) {
		return switch (this) {
			case ORDER -> ports.order();
			case BILLING -> ports.billing();
			case CA_GATEWAY -> ports.gateway();
			case STATUS_SYNC -> ports.statusSync();
			case NOTIFICATION -> ports.notification();
		};
	}

	/**
	 * Command-line arguments: Spring Boot reads them as properties that win over the
	 * jar's own.
	 */
	List<String> arguments(StackSettings settings, String kafka, MongoWireServer mongo, Credentials credentials) {
		StackSettings.Ports ports = settings.ports();
		List<String> args = new ArrayList<>(List.of("--server.port=" + port(ports),
				"--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongo.uri(database),
				"--rvssl.security.operator-key-hash=" + Credentials.sha256Hex(credentials.operatorKey()),
				"--rvssl.security.service-key-hash=" + Credentials.sha256Hex(SERVICE_KEY)));
		switch (this) {
			case CA_GATEWAY -> {
				args.add("--rvssl.ca.digicert.base-url=" + settings.url(ports.sandbox()));
				args.add("--rvssl.ca.digicert.api-key=" + credentials.sandbox().digicertApiKey());
				args.add("--rvssl.ca.sectigo.base-url=" + settings.url(ports.sandbox()));
				args.add("--rvssl.ca.sectigo.login-name=" + credentials.sandbox().sectigoLoginName());
				args.add("--rvssl.ca.sectigo.login-password=" + credentials.sandbox().sectigoLoginPassword());
				args.add("--rvssl.gateway.digicert.webhook.endpoint=" + digicertWebhookEndpoint(settings));
				args.add("--rvssl.gateway.digicert.webhook.secret=" + DIGICERT_WEBHOOK_SECRET);
			}
			case STATUS_SYNC -> {
				args.add("--rvssl.gateway.base-url=" + settings.url(ports.gateway()));
				args.add("--rvssl.gateway.service-key=" + SERVICE_KEY);
				args.add("--rvssl.sync.push.digicert-secret=" + DIGICERT_WEBHOOK_SECRET);
				args.add("--rvssl.sync.push.sectigo-token=" + SECTIGO_PUSH_TOKEN);
			}
			// the local stack serves the account page over plain http, where a Secure
			// cookie is not sent back
			case BILLING -> args.add("--server.reactive.session.cookie.secure=false");
			case NOTIFICATION -> {
				args.add("--spring.mail.host=127.0.0.1");
				args.add("--spring.mail.port=" + ports.smtp());
			}
			default -> {
			}
		}
		return args;
	}

}
