package com.rvssl.notify.webhooks;

import java.time.Instant;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Posts one signed webhook to the reseller's current endpoint with its current secret (so
 * a reseller fixing a wrong URL gets the pending retries there). Non-blocking, with a
 * timeout: a slow or dead receiver only fails its own attempt. Anything but a 2xx is a
 * failure, a redirect included: it is never followed. Every post checks its target again
 * ({@link WebhookTargets}: the URL, then each address at connection time); a refused one
 * fails with the one neutral reason, before any connection, so the delivery log reads the
 * same whatever listens at a refused address.
 */
@Component
public class WebhookSender {

	public static final String DELIVERY = "X-Rvssl-Delivery";

	public static final String TIMESTAMP = "X-Rvssl-Timestamp";

	public static final String SIGNATURE = "X-Rvssl-Signature";

	private final WebhookEndpoints endpoints;

	private final WebhookProperties properties;

	private final WebhookTargetPolicy policy;

	private final WebClient webClient;

	public WebhookSender(WebhookEndpoints endpoints, WebhookProperties properties, WebhookTargetPolicy policy,
			WebhookTargets targets, WebClient.Builder builder) {
		this.endpoints = endpoints;
		this.properties = properties;
		this.policy = policy;
		HttpClient httpClient = HttpClient.create()
			.resolver(targets.resolverGroup())
			.followRedirect(false)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis())
			.responseTimeout(properties.timeout());
		this.webClient = builder.clone().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
	}

	public Mono<Void> post(String resellerId, String deliveryId, String body) {
		return endpoints.findById(resellerId)
			.switchIfEmpty(
					Mono.error(() -> new IllegalStateException("reseller " + resellerId + " has no webhook any more")))
			.flatMap(endpoint -> post(endpoint, deliveryId, body));
	}

	private Mono<Void> post(WebhookEndpoint endpoint, String deliveryId, String body) {
		if (policy.urlProblem(endpoint.url()).isPresent()) {
			return Mono.error(new WebhookTargetRefusedException());
		}
		long timestamp = Instant.now().getEpochSecond();
		return webClient.post()
			.uri(endpoint.url())
			.contentType(MediaType.APPLICATION_JSON)
			.header(DELIVERY, deliveryId)
			.header(TIMESTAMP, Long.toString(timestamp))
			.header(SIGNATURE, WebhookSignature.sign(endpoint.secret(), timestamp, body))
			.bodyValue(body)
			.retrieve()
			.toBodilessEntity()
			.flatMap(response -> response.getStatusCode().is2xxSuccessful() ? Mono.empty()
					: Mono.error(new IllegalStateException(
							"the receiver answered " + response.getStatusCode().value() + ", not a 2xx")))
			// the response timeout covers a silent receiver; this covers a trickling one
			.timeout(properties.timeout().multipliedBy(2))
			.onErrorMap(WebhookSender::refusedTarget, refused -> new WebhookTargetRefusedException())
			.then();
	}

	/** Whether the target rules stopped the connection (the client wraps their error). */
	private static boolean refusedTarget(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof WebhookTargetRefusedException) {
				return true;
			}
		}
		return false;
	}

}
