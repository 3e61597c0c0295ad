package com.rvssl.notify.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rvssl.kit.problem.InvalidField;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Sets, shows and removes a reseller's webhook. The URL must be one the platform may post
 * to ({@link WebhookTargets}: https to public internet addresses, unless the settings
 * allow more); the secret at least {@value #MIN_SECRET_LENGTH} characters, so an HMAC
 * with it means something. A refused webhook changes nothing.
 */
@Service
public class WebhookRegistration {

	static final int MIN_SECRET_LENGTH = 16;

	private final WebhookEndpoints endpoints;

	private final WebhookTargets targets;

	public WebhookRegistration(WebhookEndpoints endpoints, WebhookTargets targets) {
		this.endpoints = endpoints;
		this.targets = targets;
	}

	public Mono<WebhookEndpoint> set(String resellerId, String url, String secret) {
		boolean urlGiven = url != null && !url.isBlank();
		Mono<List<InvalidField>> urlErrors = urlGiven
				? targets.problem(url.trim())
					.map(problem -> problem.map(message -> List.of(new InvalidField("url", message))).orElse(List.of()))
				: Mono.just(List.of(new InvalidField("url", "must be given")));
		return urlErrors.flatMap(errors -> {
			List<InvalidField> all = new ArrayList<>(errors);
			all.addAll(secretErrors(secret));
			if (!all.isEmpty()) {
				return Mono.error(new InvalidWebhookException(all));
			}
			return endpoints.save(new WebhookEndpoint(resellerId, url.trim(), secret, Instant.now()));
		});
	}

	public Mono<WebhookEndpoint> of(String resellerId) {
		return endpoints.findById(resellerId);
	}

	public Mono<Void> remove(String resellerId) {
		return endpoints.deleteById(resellerId);
	}

	private static List<InvalidField> secretErrors(String secret) {
		if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
			return List.of(new InvalidField("secret", "must be at least " + MIN_SECRET_LENGTH + " characters"));
		}
		return List.of();
	}

}
