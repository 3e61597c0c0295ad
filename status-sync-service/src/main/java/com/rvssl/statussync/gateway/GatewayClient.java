package com.rvssl.statussync.gateway;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Asks the ca-gateway about one order, with the platform's service key (the gateway's
 * {@code /internal/**} takes no other but the operator's). Every failure (5xx, 4xx,
 * refused connection, timeout, an answer it cannot read) surfaces as an error of the
 * returned {@link Mono}: the caller treats all of them alike, as "ask again later", so no
 * order is ever dropped because the gateway hiccupped.
 */
@Component
public class GatewayClient {

	private final WebClient webClient;

	private final GatewayProperties properties;

	public GatewayClient(WebClient.Builder builder, GatewayProperties properties) {
		this.properties = properties;
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			.responseTimeout(properties.responseTimeout());
		this.webClient = builder.clone()
			.baseUrl(properties.baseUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.serviceKey())
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.build();
	}

	public Mono<CaStatus> status(String orderId) {
		return get("/internal/v1/orders/{orderId}/ca-status", orderId, CaStatus.class);
	}

	public Mono<IssuedCertificate> certificate(String orderId) {
		return get("/internal/v1/orders/{orderId}/certificate", orderId, IssuedCertificate.class);
	}

	private <T> Mono<T> get(String path, String orderId, Class<T> type) {
		return webClient.get()
			.uri(path, orderId)
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(type)
			.onErrorMap(WebClientResponseException.class, GatewayClient::overBudget)
			// the response timeout covers a silent server; this covers a trickling one
			.timeout(properties.responseTimeout().plus(properties.connectTimeout()))
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("empty answer from the gateway for " + path)));
	}

	/** The budget's refusal as such; any other error answer as it came. */
	private static Throwable overBudget(WebClientResponseException answer) {
		boolean overBudget = answer.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()
				&& answer.getResponseBodyAsString().contains("ca-over-budget");
		return overBudget ? new CaBudgetExhausted(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)) : answer;
	}

}
