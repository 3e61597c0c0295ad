package com.rvssl.order.api;

import reactor.core.publisher.Mono;

import com.rvssl.order.csr.CsrReader;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Decodes a CSR so WHMCS can show the customer what they are about to order. */
@RestController
class CsrController {

	private final JsonBodies bodies;

	private final CsrReader csrReader;

	CsrController(JsonBodies bodies, CsrReader csrReader) {
		this.bodies = bodies;
		this.csrReader = csrReader;
	}

	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Requests.DecodeCsr.class)))
	@PostMapping("/api/v1/csr/decode")
	Mono<Responses.CsrJson> decode(ServerWebExchange exchange) {
		return bodies.read(exchange, Requests.DecodeCsr.class)
			.flatMap((body) -> csrReader.decode(body.value().csr()))
			.map(Responses.CsrJson::of);
	}

}
