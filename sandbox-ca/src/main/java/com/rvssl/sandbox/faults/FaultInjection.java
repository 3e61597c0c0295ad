package com.rvssl.sandbox.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Plays the active faults on the CA API paths ({@code /services/v2/**} for DigiCert,
 * {@code /products/**} for Sectigo), before the API's own key check, as a CA that is down
 * does not check keys. The sandbox's own paths are never touched.
 */
@Component
class FaultInjection implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);

	private final FaultBoard board;

	FaultInjection(FaultBoard board) {
		this.board = board;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String api = apiOf(exchange.getRequest().getPath().pathWithinApplication().value());
		if (api == null) {
			return chain.filter(exchange);
		}
		List<Fault> hits = this.board.active(api)
			.stream()
			.filter((fault) -> ThreadLocalRandom.current().nextDouble() < fault.probability())
			.toList();
		Mono<Void> delay = Mono.empty();
		for (Fault fault : hits) {
			if (fault.mode() == FaultMode.LATENCY) {
				delay = Mono.delay(Duration.ofMillis(fault.latencyMillis())).then();
				continue;
			}
			log.debug("Fault {} on {} {}", fault.mode(), exchange.getRequest().getMethod(),
					exchange.getRequest().getPath());
			return delay.then(Mono.defer(() -> play(api, fault.mode(), exchange, chain)));
		}
		return delay.then(Mono.defer(() -> chain.filter(exchange)));
	}

	private Mono<Void> play(String api, FaultMode mode, ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpResponse response = exchange.getResponse();
		if (api.equals("sectigo") && (mode == FaultMode.ERROR_5XX || mode == FaultMode.RATE_LIMIT)) {
			return playSectigo(mode, response);
		}
		return switch (mode) {
			case OUTAGE -> respond(response, HttpStatus.SERVICE_UNAVAILABLE, MediaType.TEXT_HTML,
					"<html><body><h1>503 Service Unavailable</h1></body></html>");
			case ERROR_5XX -> respond(response, HttpStatus.INTERNAL_SERVER_ERROR, MediaType.APPLICATION_JSON,
					"{\"errors\":[{\"code\":\"internal_error\",\"message\":\"An internal error occurred.\"}]}");
			case RATE_LIMIT -> {
				response.getHeaders().set("Retry-After", "5");
				yield respond(response, HttpStatus.TOO_MANY_REQUESTS, MediaType.APPLICATION_JSON,
						"{\"errors\":[{\"code\":\"request_limit_exceeded\",\"message\":\"Too many requests.\"}]}");
			}
			case MALFORMED -> respond(response, HttpStatus.OK, MediaType.APPLICATION_JSON,
					"<html><body>Proxy error: upstream sent garbage {\"id\": </body></html>");
			case LOST_REPLY -> loseReply(exchange, chain);
			case LATENCY -> chain.filter(exchange);
		};
	}

	/**
	 * Sectigo's words for the same faults: plain text with its error codes ({@code -42}
	 * call limit).
	 */
	private static Mono<Void> playSectigo(FaultMode mode, ServerHttpResponse response) {
		if (mode == FaultMode.RATE_LIMIT) {
			response.getHeaders().set("Retry-After", "5");
			return respond(response, HttpStatus.TOO_MANY_REQUESTS, MediaType.TEXT_PLAIN,
					"errorCode=-42\nerrorMessage=The call limit has been reached!\n");
		}
		return respond(response, HttpStatus.INTERNAL_SERVER_ERROR, MediaType.TEXT_PLAIN,
				"errorCode=-14\nerrorMessage=An unknown error occurred!\n");
	}

	/**
	 * Serves the request for real, throws its reply away and answers 504 with no body:
	 * the order exists at the CA, but the caller cannot know, as when a proxy times out.
	 */
	private Mono<Void> loseReply(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpResponse real = exchange.getResponse();
		ServerHttpResponse swallowed = new SwallowedResponse(real);
		return chain.filter(exchange.mutate().response(swallowed).build())
			.onErrorResume((ex) -> Mono.empty())
			.then(Mono.defer(() -> {
				real.setStatusCode(HttpStatus.GATEWAY_TIMEOUT);
				real.getHeaders().setContentLength(0);
				// a proxy that gave up closes the connection: never let the caller reuse
				// one that carried a reply we threw away (a later request on it could
				// hang)
				real.getHeaders().set(HttpHeaders.CONNECTION, "close");
				return real.setComplete();
			}));
	}

	private static Mono<Void> respond(ServerHttpResponse response, HttpStatus status, MediaType type, String body) {
		response.setStatusCode(status);
		response.getHeaders().setContentType(type);
		DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

	static String apiOf(String path) {
		if (path.equals("/services/v2") || path.startsWith("/services/v2/")) {
			return "digicert";
		}
		if (path.startsWith("/products/")) {
			return "sectigo";
		}
		return null;
	}

	/** A response that lets the application write as usual and sends none of it. */
	private static final class SwallowedResponse extends ServerHttpResponseDecorator {

		private final HttpHeaders headers = new HttpHeaders();

		private HttpStatusCode status;

		SwallowedResponse(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public boolean setStatusCode(HttpStatusCode status) {
			this.status = status;
			return true;
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return this.status;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public void beforeCommit(Supplier<? extends Mono<Void>> action) {
			// nothing is committed through this response
		}

		@Override
		public boolean isCommitted() {
			return false;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return Flux.from(body).doOnNext(DataBufferUtils::release).then();
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return Flux.from(body).concatMap(Flux::from).doOnNext(DataBufferUtils::release).then();
		}

		@Override
		public Mono<Void> setComplete() {
			return Mono.empty();
		}

	}

}
