package com.rvssl.sandbox.api.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import jakarta.validation.Valid;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.rvssl.sandbox.payments.PaymentDesk;
import com.rvssl.sandbox.payments.PaymentSettings;
import com.rvssl.sandbox.payments.UnknownPaymentException;

/**
 * The provider's API: {@code POST /sandbox/payments} with {@code Authorization: Bearer
 * <sandbox.payments.api-key>} and an {@code Idempotency-Key} makes a payment (201; the
 * same key again answers the same payment, 200) and returns the page where it is paid;
 * {@code GET /sandbox/payments/{id}} reads it. {@code /sandbox/payments/auto-confirm}
 * switches immediate confirmation.
 */
@RestController
@RequestMapping("/sandbox/payments")
class PaymentApiController {

	private final PaymentDesk desk;

	private final PaymentSettings settings;

	private final Environment environment;

	PaymentApiController(PaymentDesk desk, PaymentSettings settings, Environment environment) {
		this.desk = desk;
		this.settings = settings;
		this.environment = environment;
	}

	@PostMapping
	ResponseEntity<PaymentView> make(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody PaymentRequest request) {
		authorize(key);
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
			throw new IllegalArgumentException("Idempotency-Key must be 1 to 200 characters.");
		}
		PaymentDesk.Made made = this.desk.make(idempotencyKey, request.amount().amount(), request.amount().currency(),
				request.reference(), request.description(), request.expiresAt());
		return ResponseEntity.status(made.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(PaymentView.of(made.payment(), pageUrl(made.payment().id())));
	}

	@GetMapping("/{id}")
	PaymentView read(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
			@PathVariable String id) {
		authorize(key);
		return this.desk.find(id)
			.map((payment) -> PaymentView.of(payment, pageUrl(id)))
			.orElseThrow(() -> new UnknownPaymentException(id));
	}

	@GetMapping("/auto-confirm")
	AutoConfirm autoConfirm() {
		return new AutoConfirm(this.desk.autoConfirm());
	}

	@PutMapping("/auto-confirm")
	AutoConfirm autoConfirm(@Valid @RequestBody AutoConfirm request) {
		this.desk.autoConfirm(request.enabled());
		return autoConfirm();
	}

	private void authorize(String header) {
		byte[] expected = ("Bearer " + this.settings.apiKey()).getBytes(StandardCharsets.UTF_8);
		byte[] given = (header != null) ? header.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (!MessageDigest.isEqual(expected, given)) {
			throw new PaymentProblems.Unauthorized();
		}
	}

	/** {@code sandbox.public-url}, or this server on localhost, plus the page's path. */
	private String pageUrl(String id) {
		String configured = this.environment.getProperty("sandbox.public-url");
		String base;
		if (configured != null && !configured.isBlank()) {
			base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
		}
		else {
			String port = this.environment.getProperty("local.server.port",
					this.environment.getProperty("server.port", "8090"));
			base = "http://localhost:" + port.toLowerCase(Locale.ROOT);
		}
		return base + CheckoutPageController.PATH + "/" + id;
	}

}
