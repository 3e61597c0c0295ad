package com.rvssl.order.api;

import java.util.List;

import reactor.core.publisher.Mono;

import com.rvssl.kit.security.Caller;
import com.rvssl.order.settings.AutoOrderSettings;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** The reseller's Auto Order Setup. */
@RestController
class SettingsController {

	private final AutoOrderSettings settings;

	private final JsonBodies bodies;

	SettingsController(AutoOrderSettings settings, JsonBodies bodies) {
		this.settings = settings;
		this.bodies = bodies;
	}

	@GetMapping("/api/v1/settings/auto-order")
	Mono<Responses.AutoOrderJson> autoOrder(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
		return settings.modeOf(resellerOnly(caller)).map(Responses.AutoOrderJson::new);
	}

	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Requests.AutoOrder.class)))
	@PutMapping(path = "/api/v1/settings/auto-order", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<Responses.AutoOrderJson> changeAutoOrder(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			ServerWebExchange exchange) {
		String reseller = resellerOnly(caller);
		return bodies.read(exchange, Requests.AutoOrder.class)
			.flatMap((body) -> settings.change(reseller, body.value().mode()))
			.map(Responses.AutoOrderJson::new);
	}

	private static String resellerOnly(Caller caller) {
		if (caller.operator()) {
			throw new InvalidRequestException(HttpStatus.FORBIDDEN,
					"settings belong to a reseller: use the reseller's API key", List.of());
		}
		return caller.resellerId();
	}

}
