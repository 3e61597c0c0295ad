package com.rvssl.order.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import com.rvssl.order.certificates.CertificateDownloads;
import com.rvssl.order.certificates.DownloadFormat;
import com.rvssl.order.orders.OrderDesk;
import com.rvssl.order.orders.OrderState;
import com.rvssl.order.security.Caller;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Orders: place, configure, cancel, look up, list, download the certificate. */
@RestController
@RequestMapping("/api/v1/orders")
class OrdersController {

	private static final int MAX_PAGE_SIZE = 100;

	private final OrderDesk desk;

	private final JsonBodies bodies;

	private final OrderRequestChecks checks;

	OrdersController(OrderDesk desk, JsonBodies bodies, OrderRequestChecks checks) {
		this.desk = desk;
		this.bodies = bodies;
		this.checks = checks;
	}

	@PostMapping
	Mono<ResponseEntity<Responses.OrderJson>> place(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			ServerWebExchange exchange) {
		if (caller.operator()) {
			return Mono.error(new InvalidRequestException(HttpStatus.FORBIDDEN,
					"orders are placed with a reseller's API key, not the operator's", List.of()));
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			return Mono.error(InvalidRequestException.unreadable("Idempotency-Key", "must be 1 to 200 characters"));
		}
		return bodies.read(exchange, Requests.PlaceOrder.class)
			.flatMap((body) -> desk.place(caller.resellerId(), checks.check(body.value()), idempotencyKey,
					sha256(body.canonicalJson())))
			.map((placement) -> {
				Responses.OrderJson json = Responses.OrderJson.of(placement.order());
				URI location = URI.create("/api/v1/orders/" + placement.order().id());
				return placement.created() ? ResponseEntity.created(location).body(json)
						: ResponseEntity.ok().location(location).body(json);
			});
	}

	@GetMapping("/{id}")
	Mono<Responses.OrderJson> order(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
		return desk.find(caller.scope(), id).map(Responses.OrderJson::of);
	}

	@GetMapping
	Mono<Responses.OrderPageJson> orders(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam(required = false) String state, @RequestParam(required = false) String domain,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			return Mono.error(InvalidRequestException.unreadable("page", "page must be >= 0 and size 1.." + MAX_PAGE_SIZE));
		}
		OrderState wanted;
		try {
			wanted = (state != null && !state.isBlank()) ? OrderState.valueOf(state.trim().toUpperCase(Locale.ROOT)) : null;
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(InvalidRequestException.unreadable("state", "unknown state " + state));
		}
		String domainFilter = (domain != null && !domain.isBlank()) ? domain.trim() : null;
		return desk.list(caller.scope(), wanted, domainFilter, page, size).map(Responses.OrderPageJson::of);
	}

	@PutMapping("/{id}/configuration")
	Mono<Responses.OrderJson> configure(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
			ServerWebExchange exchange) {
		return bodies.read(exchange, Requests.Configure.class)
			.flatMap((body) -> desk.configure(caller.scope(), id,
					(order) -> checks.checkConfiguration(order, body.value())))
			.map(Responses.OrderJson::of);
	}

	@PostMapping("/{id}/cancel")
	Mono<Responses.OrderJson> cancel(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
			ServerWebExchange exchange) {
		// the body is optional: a bare POST cancels without a reason
		return bodies.readOptional(exchange, Requests.Cancel.class)
			.mapNotNull((body) -> body.value().reason())
			.defaultIfEmpty("cancelled by the reseller")
			.flatMap((reason) -> desk.cancel(caller.scope(), id, reason))
			.map(Responses.OrderJson::of);
	}

	@GetMapping("/{id}/certificate")
	Mono<ResponseEntity<String>> certificate(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@PathVariable String id, @RequestParam(defaultValue = "pem") String format) {
		DownloadFormat wanted;
		try {
			wanted = DownloadFormat.of(format);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(InvalidRequestException.unreadable("format", ex.getMessage()));
		}
		return desk.find(caller.scope(), id).map((order) -> {
			if (order.state() != OrderState.ISSUED || order.pemChain() == null) {
				throw new CertificateNotIssuedException(id, order.state());
			}
			String body = CertificateDownloads.render(order.pemChain(), wanted);
			String file = order.domains().get(0).replace("*", "wildcard") + "-" + wanted.fileName();
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(wanted.mediaType()))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
				.body(body);
		});
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
