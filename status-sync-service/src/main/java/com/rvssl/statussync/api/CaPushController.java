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
			log.info("DigiCert pushed {} ({}) for order {}", json.path("event").asString(""),
					json.path("data").path("status").asString(""), caOrderId);
			return caOrderId;
		})
			.switchIfEmpty(Mono.error(() -> new ServerWebInputException("the webhook has no body")))
			.flatMap(caOrderId -> pushes.checkSoon(CertificateAuthority.DIGICERT, caOrderId));
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
			log.info("Sectigo pushed status code {} for order {}", form.getFirst("statusCode"), caOrderId);
			return pushes.checkSoon(CertificateAuthority.SECTIGO, caOrderId.strip());
		});
	}

}
