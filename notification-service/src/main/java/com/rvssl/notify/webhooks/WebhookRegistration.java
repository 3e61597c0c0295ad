package com.rvssl.notify.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rvssl.kit.problem.InvalidField;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Sets, shows and removes a reseller's webhook. The URL must be absolute http(s) with a
 * host; the secret at least {@value #MIN_SECRET_LENGTH} characters, so an HMAC with it
 * means something.
 */
@Service
public class WebhookRegistration {

	static final int MIN_SECRET_LENGTH = 16;

	private final WebhookEndpoints endpoints;

	public WebhookRegistration(WebhookEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	public Mono<WebhookEndpoint> set(String resellerId, String url, String secret) {
		List<InvalidField> errors = validate(url, secret);
		if (!errors.isEmpty()) {
			return Mono.error(new InvalidWebhookException(errors));
		}
		return endpoints.save(new WebhookEndpoint(resellerId, url.trim(), secret, Instant.now()));
	}

	public Mono<WebhookEndpoint> of(String resellerId) {
		return endpoints.findById(resellerId);
	}

	public Mono<Void> remove(String resellerId) {
		return endpoints.deleteById(resellerId);
	}

	static List<InvalidField> validate(String url, String secret) {
		List<InvalidField> errors = new ArrayList<>();
		if (url == null || url.isBlank()) {
			errors.add(new InvalidField("url", "must be given"));
		}
		else if (!isHttpUrl(url.trim())) {
			errors.add(new InvalidField("url", "must be an absolute http or https URL"));
		}
		if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
			errors.add(new InvalidField("secret", "must be at least " + MIN_SECRET_LENGTH + " characters"));
		}
		return errors;
	}

	private static boolean isHttpUrl(String url) {
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
