package com.rvssl.order.api;

import reactor.core.publisher.Mono;

import com.rvssl.order.csr.CsrDecoder;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Decodes a CSR so WHMCS can show the customer what they are about to order. */
@RestController
class CsrController {

	private final JsonBodies bodies;

	CsrController(JsonBodies bodies) {
		this.bodies = bodies;
	}

	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Requests.DecodeCsr.class)))
	@PostMapping(path = "/api/v1/csr/decode", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<Responses.CsrJson> decode(ServerWebExchange exchange) {
		return bodies.read(exchange, Requests.DecodeCsr.class)
			.map((body) -> Responses.CsrJson.of(CsrDecoder.decode(body.value().csr())));
	}

}
