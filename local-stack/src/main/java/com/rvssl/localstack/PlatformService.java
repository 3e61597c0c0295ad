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
	 * The local stack's payment provider secrets (billing checks the callbacks' signature
	 * with the first and asks for payments with the second; the sandbox provider signs
	 * and accepts them). Billing has no default: outside the local stack they must be
	 * set.
	 */
	static final String PAYMENT_WEBHOOK_SECRET = "local-payment-webhook-secret";

	static final String PAYMENT_API_KEY = "local-payment-provider-key";

	/** Where the sandbox payment provider sends its signed callbacks: billing's. */
	static String paymentCallbackUrl(StackSettings settings) {
		return settings.url(settings.ports().billing()) + "/payments/callback";
	}

	/**
	 * Where the local stack lets webhooks go besides the public internet: this machine's
	 * loopback, where the local WHMCS listens.
	 */
	static final String LOCAL_WEBHOOK_NETWORKS = "127.0.0.0/8,::1/128";

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

	String database() {
		return database;
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
				// a plan's reissues come months apart: a walk moves this clock and the
				// sandbox's together (POST /internal/clock/advance); each move runs the
				// reissue, expiry and renewal sweeps at once, so they keep their hourly
				// period (each reads every tracked order on the embedded server)
				args.add("--rvssl.clock.movable=true");
			}
			case BILLING -> {
				// the local stack serves the account page over plain http, where a Secure
				// cookie is not sent back
				args.add("--server.reactive.session.cookie.secure=false");
				// top-ups are payments at the sandbox provider, which confirms them at
				// once
				args.add("--rvssl.payments.provider.base-url=" + settings.url(ports.sandbox()) + "/sandbox");
				args.add("--rvssl.payments.provider.api-key=" + PAYMENT_API_KEY);
				args.add("--rvssl.payments.webhook-secret=" + PAYMENT_WEBHOOK_SECRET);
			}
			case NOTIFICATION -> {
				args.add("--spring.mail.host=127.0.0.1");
				args.add("--spring.mail.port=" + ports.smtp());
				// the local WHMCS (WhmcsAddonIT's callback) is plain http on 127.0.0.1:
				// loopback only, every other non-public address stays refused
				args.add("--rvssl.notify.webhook.allow-http=true");
				args.add("--rvssl.notify.webhook.allowed-networks=" + LOCAL_WEBHOOK_NETWORKS);
			}
			default -> {
			}
		}
		return args;
	}

}
