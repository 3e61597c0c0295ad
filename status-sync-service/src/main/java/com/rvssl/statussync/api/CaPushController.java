package com.rvssl.statussync.api;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.statussync.push.CaPushes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Where the CAs push: a DigiCert-style webhook (JSON, the webhook's secret in
 * {@code X-WEBHOOK-KEY}) and a Sectigo-style status push (a form with {@code orderNumber}
 * and {@code statusCode}, the token in the URL). The secret is checked before the body is
 * read; a wrong one is a 401 and nothing happens. A genuine push only makes the order due
 * now (see {@link CaPushes}); unknown CA order ids are accepted (202) too, so a caller
 * learns nothing about our orders.
 */
@RestController
@RequestMapping("/ca-push")
class CaPushController {

	/**
	 * Sectigo's push status codes for an issued certificate: 6 issued, 9 issued but not
	 * collected.
	 */
	private static final java.util.Set<String> SECTIGO_ISSUED = java.util.Set.of("6", "9");

	private static final Logger log = LoggerFactory.getLogger(CaPushController.class);

	private final CaPushes pushes;

	CaPushController(CaPushes pushes) {
		this.pushes = pushes;
	}

	@PostMapping(path = "/digicert", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Void> digicert(@RequestHeader(name = "X-WEBHOOK-KEY", required = false) String key,
			@RequestBody Mono<JsonNode> body) {
		if (!pushes.isDigicertSecret(key)) {
			return Mono.error(new PushRefusedException("the X-WEBHOOK-KEY header does not carry the webhook's secret"));
		}
		return body.map(json -> {
			JsonNode orderId = json.path("data").path("order_id");
			if (!orderId.isNumber() && !orderId.isString()) {
				throw new ServerWebInputException("data.order_id is missing");
			}
			String caOrderId = orderId.asString();
			String event = json.path("event").asString("");
			log.info("DigiCert pushed {} ({}) for order {}", event, json.path("data").path("status").asString(""),
					caOrderId);
			return new CaPushes.Push(CertificateAuthority.DIGICERT, caOrderId, "certificate_issued".equals(event));
		})
			.switchIfEmpty(Mono.error(() -> new ServerWebInputException("the webhook has no body")))
			.flatMap(pushes::checkSoon);
	}

	@PostMapping(path = "/sectigo", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Void> sectigo(@RequestParam(required = false) String token, ServerWebExchange exchange) {
		if (!pushes.isSectigoToken(token)) {
			return Mono.error(new PushRefusedException("the push URL does not carry the right token"));
		}
		return exchange.getFormData().flatMap(form -> {
			String caOrderId = form.getFirst("orderNumber");
			if (caOrderId == null || caOrderId.isBlank()) {
				return Mono.error(new ServerWebInputException("orderNumber is missing"));
			}
			String statusCode = form.getFirst("statusCode");
			log.info("Sectigo pushed status code {} for order {}", statusCode, caOrderId);
			return pushes.checkSoon(new CaPushes.Push(CertificateAuthority.SECTIGO, caOrderId.strip(),
					SECTIGO_ISSUED.contains((statusCode != null) ? statusCode.strip() : "")));
		});
	}

}
