package com.rvssl.order.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.rvssl.contracts.Money;
import com.rvssl.kit.security.Caller;
import com.rvssl.order.catalog.PriceList;
import com.rvssl.order.catalog.Product;
import com.rvssl.order.orders.AutoOrderMode;
import com.rvssl.order.orders.OrderDraft;
import com.rvssl.order.pricing.RetailPrices;
import com.rvssl.order.settings.AutoOrderSettings;

import com.rvssl.order.certificates.CertificateDownloads;
import com.rvssl.order.csr.CsrReader;
import com.rvssl.order.certificates.DownloadFormat;
import com.rvssl.order.orders.OrderDesk;
import com.rvssl.order.orders.OrderState;
import com.rvssl.order.orders.OrderStatusStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
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

/**
 * Orders: place, configure, approve, cancel, reissue, resend or change DCV, look up,
 * list, follow, download the certificate.
 */
@RestController
@RequestMapping("/api/v1/orders")
class OrdersController {

	private static final int MAX_PAGE_SIZE = 100;

	private final OrderDesk desk;

	private final JsonBodies bodies;

	private final OrderRequestChecks checks;

	private final PriceList priceList;

	private final RetailPrices retailPrices;

	private final AutoOrderSettings settings;

	private final OrderStatusStream statusStream;

	private final CsrReader csrReader;

	private final StreamSlots streamSlots;

	private final Duration heartbeat;

	OrdersController(OrderDesk desk, JsonBodies bodies, OrderRequestChecks checks, PriceList priceList,
			RetailPrices retailPrices, AutoOrderSettings settings, OrderStatusStream statusStream, CsrReader csrReader,
			StreamSlots streamSlots, @Value("${rvssl.api.events.heartbeat:15s}") Duration heartbeat) {
		this.desk = desk;
		this.bodies = bodies;
		this.checks = checks;
		this.priceList = priceList;
		this.retailPrices = retailPrices;
		this.settings = settings;
		this.statusStream = statusStream;
		this.csrReader = csrReader;
		this.streamSlots = streamSlots;
		this.heartbeat = heartbeat;
	}

	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Requests.PlaceOrder.class)))
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
		String reseller = caller.resellerId();
		return bodies.read(exchange, Requests.PlaceOrder.class).flatMap((body) -> {
			Requests.PlaceOrder request = body.value();
			Mono<Optional<Product>> product = priceList.find(request.productCode())
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty());
			Mono<Optional<Money>> retail = retailPrices.retailFor(reseller, request.productCode(), request.termMonths())
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty());
			return Mono.zip(product, retail, settings.modeOf(reseller), csrReader.read(request.csr()))
				.map((found) -> new Checked(
						checks.check(request, found.getT1().orElse(null), found.getT2().orElse(null), found.getT4()),
						found.getT3()))
				.flatMap((checked) -> desk.place(reseller, checked.draft(), checked.mode(), idempotencyKey,
						sha256(body.canonicalJson())));
		}).map((placement) -> {
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
			return Mono
				.error(InvalidRequestException.unreadable("page", "page must be >= 0 and size 1.." + MAX_PAGE_SIZE));
		}
		OrderState wanted;
		try {
			wanted = (state != null && !state.isBlank()) ? OrderState.valueOf(state.trim().toUpperCase(Locale.ROOT))
					: null;
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(InvalidRequestException.unreadable("state", "unknown state " + state));
		}
		String domainFilter = (domain != null && !domain.isBlank()) ? domain.trim() : null;
		return desk.list(caller.scope(), wanted, domainFilter, page, size).map(Responses.OrderPageJson::of);
	}

	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Requests.Configure.class)))
	@PutMapping("/{id}/configuration")
	Mono<Responses.OrderJson> configure(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
			ServerWebExchange exchange) {
		return bodies.read(exchange, Requests.Configure.class)
			.flatMap((body) -> csrReader.read(body.value().csr())
				.flatMap((csr) -> desk.find(caller.scope(), id)
					// the mode is the order owner's, also when the operator configures it
					.flatMap((order) -> settings.modeOf(order.resellerId()))
					.flatMap((mode) -> desk.configure(caller.scope(), id, mode,
							(order) -> checks.checkConfiguration(order, body.value(), csr)))))
			.map(Responses.OrderJson::of);
	}

	@PostMapping("/{id}/approve")
	Mono<Responses.OrderJson> approve(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
		return desk.approve(caller.scope(), id).map(Responses.OrderJson::of);
	}

	/**
	 * 202: the CA sends the email; the order's timeline and the gateway's events tell the
	 * rest.
	 */
	@PostMapping("/{id}/dcv/resend")
	Mono<ResponseEntity<Responses.OrderJson>> resendDcv(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@PathVariable String id) {
		return desk.resendDcv(caller.scope(), id)
			.map((order) -> ResponseEntity.accepted().body(Responses.OrderJson.of(order)));
	}

	/**
	 * 202: the order validates its domains by another method from now on; the gateway
	 * tells the CA and the order's {@code validation.dcv} shows the new instructions once
	 * the CA has them. The same method again is answered with the order and sends
	 * nothing.
	 */
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Requests.DcvBody.class)))
	@PutMapping("/{id}/dcv")
	Mono<ResponseEntity<Responses.OrderJson>> changeDcv(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@PathVariable String id, ServerWebExchange exchange) {
		return bodies.read(exchange, Requests.DcvBody.class)
			.flatMap(
					(body) -> desk.changeDcv(caller.scope(), id, (order) -> checks.checkDcvChange(order, body.value())))
			.map((order) -> ResponseEntity.accepted().body(Responses.OrderJson.of(order)));
	}

	/**
	 * 202: the reissue is asked of the CA; the order stays ISSUED with its current
	 * certificate meanwhile.
	 */
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Requests.Reissue.class)))
	@PostMapping("/{id}/reissue")
	Mono<ResponseEntity<Responses.OrderJson>> reissue(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@PathVariable String id, ServerWebExchange exchange) {
		return bodies.read(exchange, Requests.Reissue.class)
			.flatMap((body) -> csrReader.read(body.value().csr())
				.flatMap((csr) -> desk.reissue(caller.scope(), id,
						(order) -> checks.checkReissue(order, body.value(), csr))))
			.map((order) -> ResponseEntity.accepted().body(Responses.OrderJson.of(order)));
	}

	/**
	 * The order's status as server-sent events: the current status first, then each
	 * change, ending once the order is final, with a comment line as heartbeat while it
	 * is quiet. The first read decides tenancy (a 404 problem before any event); a key
	 * holds at most {@link StreamSlots#max()} streams (429 problem beyond), each released
	 * when its stream ends or its client goes.
	 */
	@io.swagger.v3.oas.annotations.Operation(description = "text/event-stream of the order's status: events named "
			+ "`status` ({orderId, state, views, at}, id = the order's version), the current status first, then each "
			+ "change, ending at a final state; a `:keep-alive` comment line every 15 s while quiet. At most 5 open "
			+ "streams per API key: one more is a 429 problem `too-many-streams`.")
	@GetMapping("/{id}/events")
	Mono<ResponseEntity<Flux<ServerSentEvent<Responses.StatusJson>>>> events(
			@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
		return desk.find(caller.scope(), id).map((first) -> {
			StreamSlots.Slot slot = streamSlots.take(caller);
			if (slot == null) {
				throw new TooManyStreamsException(streamSlots.max());
			}
			Flux<ServerSentEvent<Responses.StatusJson>> statuses = statusStream.follow(first)
				.map((order) -> ServerSentEvent.builder(Responses.StatusJson.of(order))
					.id(Long.toString(order.version()))
					.event("status")
					.build());
			return ResponseEntity.ok()
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(Heartbeats.around(statuses, heartbeat).doFinally((signal) -> slot.release()));
		});
	}

	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Requests.Cancel.class)))
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
	Mono<ResponseEntity<String>> certificate(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
			@RequestParam(defaultValue = "pem") String format) {
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

	private record Checked(OrderDraft draft, AutoOrderMode mode) {
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
