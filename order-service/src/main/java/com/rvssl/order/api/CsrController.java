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
	@io.swagger.v3.oas.annotations.Operation(summary = "Decode and check a CSR",
			description = "The CSR's names, key and subject, after the same checks an order makes: sizes, one PEM "
					+ "block, the key policy, then the signature. 400 unreadable, 422 key refused (problem type "
					+ "invalid-csr); 503 csr-checks-busy with Retry-After when the checks are saturated.")
	@PostMapping("/api/v1/csr/decode")
	Mono<Responses.CsrJson> decode(ServerWebExchange exchange) {
		return bodies.read(exchange, Requests.DecodeCsr.class)
			.flatMap((body) -> csrReader.decode(body.value().csr()))
			.map(Responses.CsrJson::of);
	}

}
