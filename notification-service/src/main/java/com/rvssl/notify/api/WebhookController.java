package com.rvssl.notify.api;

import java.time.Instant;

import com.rvssl.kit.security.Caller;
import com.rvssl.notify.webhooks.WebhookEndpoint;
import com.rvssl.notify.webhooks.WebhookRegistration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * A reseller's own WHMCS webhook: set it (URL and signing secret), see it (never the
 * secret back), remove it. Only resellers have one; the operator is refused.
 */
@RestController
@RequestMapping("/api/v1/webhook")
class WebhookController {

	private final WebhookRegistration registration;

	WebhookController(WebhookRegistration registration) {
		this.registration = registration;
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<WebhookView> set(ServerWebExchange exchange, @Valid @RequestBody WebhookSetting setting) {
		return reseller(exchange).flatMap(resellerId -> registration.set(resellerId, setting.url(), setting.secret()))
			.map(WebhookView::of);
	}

	@GetMapping
	Mono<WebhookView> show(ServerWebExchange exchange) {
		return reseller(exchange)
			.flatMap(resellerId -> registration.of(resellerId)
				.switchIfEmpty(Mono.error(() -> new WebhookNotSetException(resellerId))))
			.map(WebhookView::of);
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> remove(ServerWebExchange exchange) {
		return reseller(exchange).flatMap(registration::remove);
	}

	private static Mono<String> reseller(ServerWebExchange exchange) {
		Caller caller = Caller.of(exchange);
		if (caller.operator()) {
			return Mono.error(new ForbiddenException("a webhook belongs to a reseller: use its API key"));
		}
		return Mono.just(caller.resellerId());
	}

	/**
	 * What the reseller sends; bounded here (400), then checked by the registration,
	 * which answers 422 with every field's error.
	 */
	record WebhookSetting(@Size(max = 2048) String url, @Size(max = 512) String secret) {
	}

	/** The webhook as shown back: the secret is write-only. */
	record WebhookView(String url, boolean secretSet, Instant updatedAt) {

		static WebhookView of(WebhookEndpoint endpoint) {
			return new WebhookView(endpoint.url(), endpoint.secret() != null, endpoint.updatedAt());
		}

	}

}
