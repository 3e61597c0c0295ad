package com.rvssl.sandbox.api.digicert;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.rvssl.sandbox.calls.CallLog;
import com.rvssl.sandbox.push.DigicertWebhooks;

/**
 * DigiCert-style webhook registration: {@code POST /services/v2/webhook {endpoint,
 * secret, events}} answers 201 {@code {id}}; {@code GET} lists the registrations (without
 * their secrets); {@code DELETE /{id}} removes one. Each account (API key) has its own
 * webhooks, to which its own orders push.
 */
@RestController
@RequestMapping(DigicertGate.BASE_PATH + "/webhook")
class WebhookController {

	static final Set<String> EVENTS = Set.of("certificate_issued", "order_rejected", "order_status_changed",
			"certificate_revoked");

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Registration(String endpoint, String secret, List<String> events) {
	}

	record Listed(long id, String endpoint, List<String> events) {
	}

	private final DigicertWebhooks webhooks;

	private final CallLog calls;

	WebhookController(DigicertWebhooks webhooks, CallLog calls) {
		this.webhooks = webhooks;
		this.calls = calls;
	}

	@PostMapping
	ResponseEntity<Map<String, Long>> register(@RequestBody Registration body,
			@RequestAttribute(DigicertGate.ACCOUNT) String account) {
		this.calls.count(DigicertOrderController.API, "webhook", null);
		if (body.endpoint() == null || !body.endpoint().matches("https?://.+")) {
			throw new DigicertException(HttpStatus.BAD_REQUEST, "invalid_endpoint", "endpoint must be an http(s) URL.");
		}
		if (body.secret() == null || body.secret().isBlank()) {
			throw new DigicertException(HttpStatus.BAD_REQUEST, "missing_secret", "secret is required.");
		}
		List<String> events = (body.events() != null && !body.events().isEmpty()) ? body.events() : List.copyOf(EVENTS);
		if (!EVENTS.containsAll(events)) {
			throw new DigicertException(HttpStatus.BAD_REQUEST, "invalid_event",
					"events must be among " + EVENTS + ".");
		}
		DigicertWebhooks.Webhook webhook = this.webhooks.register(account, body.endpoint(), body.secret(), events);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", webhook.id()));
	}

	@GetMapping
	Map<String, List<Listed>> list(@RequestAttribute(DigicertGate.ACCOUNT) String account) {
		this.calls.count(DigicertOrderController.API, "webhook", null);
		return Map.of("webhooks",
				this.webhooks.of(account)
					.stream()
					.map((webhook) -> new Listed(webhook.id(), webhook.endpoint(), webhook.events()))
					.toList());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable long id, @RequestAttribute(DigicertGate.ACCOUNT) String account) {
		this.calls.count(DigicertOrderController.API, "webhook", null);
		if (!this.webhooks.remove(account, id)) {
			throw new DigicertException(HttpStatus.NOT_FOUND, "not_found|webhook", "No such webhook.");
		}
		return ResponseEntity.noContent().build();
	}

}
