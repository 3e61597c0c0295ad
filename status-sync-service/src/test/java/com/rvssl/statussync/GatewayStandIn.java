package com.rvssl.statussync;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

import com.rvssl.kit.test.TestKeys;

/**
 * A real HTTP server on a free port playing the ca-gateway's internal contract: for each
 * order a script of answers, consumed one per status call, the last one repeated forever.
 * It counts the status calls, so tests can tell how often status sync asked.
 */
final class GatewayStandIn {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> statusCalls = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> certificateCalls = new ConcurrentHashMap<>();

	private final Map<String, String> pemChains = new ConcurrentHashMap<>();

	private final Map<String, java.time.Duration> delays = new ConcurrentHashMap<>();

	private final Map<String, java.time.Instant> expiries = new ConcurrentHashMap<>();

	private final Map<String, java.time.Instant> validFrom = new ConcurrentHashMap<>();

	private final Map<String, String> serials = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();

	private final AtomicInteger callsWithoutServiceKey = new AtomicInteger();

	/** Orders answered from a real (sandbox) Sectigo-style CA: its order number. */
	private final Map<String, String> sectigoOrders = new ConcurrentHashMap<>();

	private volatile org.springframework.web.reactive.function.client.WebClient sectigo;

	/**
	 * Event loops of its own: a Spring context closing disposes reactor-netty's global
	 * resources, which would otherwise take this server down with it (the two-replica
	 * test closes one).
	 */
	private final LoopResources loops = LoopResources.create("gateway-stand-in", 2, true);

	private final DisposableServer server;

	private GatewayStandIn() {
		this.server = HttpServer.create()
			.runOn(loops)
			.host("127.0.0.1")
			.port(0)
			.route(routes -> routes.get("/internal/v1/orders/{orderId}/ca-status", withServiceKey(this::status))
				.get("/internal/v1/orders/{orderId}/certificate", withServiceKey(this::certificate)))
			.bindNow();
	}

	static GatewayStandIn start() {
		return new GatewayStandIn();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.port();
	}

	void stop() {
		server.disposeNow();
		loops.dispose();
	}

	/**
	 * What the gateway answers for an order, call after call; the last answer repeats.
	 */
	void script(String orderId, Answer... answers) {
		scripts.put(orderId, new ConcurrentLinkedDeque<>(List.of(answers)));
		pemChains.put(orderId, "-----BEGIN CERTIFICATE-----\nLEAF-" + orderId
				+ "\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nINTERMEDIATE\n-----END CERTIFICATE-----\n");
	}

	/**
	 * Answers this order's status calls as the gateway's Sectigo adapter would: from the
	 * CA at {@code caUrl}, asked by {@code CollectSSL} (status only) for its order
	 * number.
	 */
	void followSectigo(String orderId, String caUrl, String orderNumber) {
		sectigo = org.springframework.web.reactive.function.client.WebClient.create(caUrl);
		sectigoOrders.put(orderId, orderNumber);
		pemChains.put(orderId, "-----BEGIN CERTIFICATE-----\nLEAF-" + orderId + "\n-----END CERTIFICATE-----\n");
	}

	String pemChainOf(String orderId) {
		return pemChains.get(orderId);
	}

	/**
	 * The issued certificate of this order expires at {@code notAfter} (default
	 * 2027-11-25T10:00:00Z).
	 */
	void expiresAt(String orderId, java.time.Instant notAfter) {
		expiries.put(orderId, notAfter);
	}

	/**
	 * The CA serves this certificate for the order from now on (a first issue or a
	 * reissue): its serial and validity.
	 */
	void serves(String orderId, String serialNumber, java.time.Instant notBefore, java.time.Instant notAfter) {
		serials.put(orderId, serialNumber);
		validFrom.put(orderId, notBefore);
		expiries.put(orderId, notAfter);
	}

	/**
	 * Answers status calls for this order only after {@code delay}, as a slow CA would.
	 */
	void slow(String orderId, java.time.Duration delay) {
		delays.put(orderId, delay);
	}

	/** The most status calls for this order that were ever under way at the same time. */
	int mostConcurrentStatusCalls(String orderId) {
		AtomicInteger most = mostAtOnce.get(orderId);
		return (most != null) ? most.get() : 0;
	}

	int certificateCalls(String orderId) {
		AtomicInteger calls = certificateCalls.get(orderId);
		return (calls != null) ? calls.get() : 0;
	}

	int statusCalls(String orderId) {
		AtomicInteger calls = statusCalls.get(orderId);
		return (calls != null) ? calls.get() : 0;
	}

	static Answer pending(String caStatus, String detail) {
		return new Answer(200, "PENDING_VALIDATION", caStatus, detail);
	}

	static Answer issued() {
		return new Answer(200, "ISSUED", "issued", null);
	}

	static Answer rejected(String detail) {
		return new Answer(200, "REJECTED", "rejected", detail);
	}

	static Answer unavailable() {
		return new Answer(503, null, null, null);
	}

	/** The gateway's answer when the CA account's budget has no permit for a read. */
	static Answer overBudget() {
		return new Answer(503, null, "ca-over-budget", null);
	}

	/** How many calls came without the platform's service key (and were refused, 401). */
	int callsWithoutServiceKey() {
		return callsWithoutServiceKey.get();
	}

	/** As the real gateway does: the internal API only for the service key. */
	private BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> withServiceKey(
			BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>> handler) {
		return (request, response) -> {
			if (!("Bearer " + TestKeys.SERVICE_KEY).equals(request.requestHeaders().get("Authorization"))) {
				callsWithoutServiceKey.incrementAndGet();
				return json(response, 401, Map.of("status", 401, "title", "Unauthorized"));
			}
			return handler.apply(request, response);
		};
	}

	private Mono<Void> status(HttpServerRequest request, HttpServerResponse response) {
		String orderId = request.param("orderId");
		statusCalls.computeIfAbsent(orderId, id -> new AtomicInteger()).incrementAndGet();
		AtomicInteger running = inFlight.computeIfAbsent(orderId, id -> new AtomicInteger());
		int now = running.incrementAndGet();
		mostAtOnce.computeIfAbsent(orderId, id -> new AtomicInteger()).accumulateAndGet(now, Math::max);
		java.time.Duration delay = delays.getOrDefault(orderId, java.time.Duration.ZERO);
		return Mono.delay(delay)
			.then(Mono.defer(() -> answerStatus(orderId, response)))
			.doFinally(signal -> running.decrementAndGet());
	}

	private Mono<Void> answerStatus(String orderId, HttpServerResponse response) {
		if (sectigoOrders.containsKey(orderId)) {
			return askSectigo(sectigoOrders.get(orderId))
				.flatMap(answer -> json(response, 200, statusBody(orderId, "SECTIGO", answer)));
		}
		Deque<Answer> script = scripts.get(orderId);
		if (script == null) {
			return json(response, 404, Map.of("status", 404, "title", "unknown order"));
		}
		Answer answer = (script.size() > 1) ? script.pollFirst() : script.peekFirst();
		if ("ca-over-budget".equals(answer.caStatus())) {
			response.header("Retry-After", "1");
			return json(response, 503, Map.of("type", "https://rvssl.example/problems/ca-over-budget", "status", 503,
					"title", "CA budget exhausted"));
		}
		if (answer.httpStatus() != 200) {
			return json(response, answer.httpStatus(), Map.of("status", answer.httpStatus(), "title", "unavailable"));
		}
		return json(response, 200, statusBody(orderId, "DIGICERT", answer));
	}

	private static Map<String, Object> statusBody(String orderId, String ca, Answer answer) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("orderId", orderId);
		body.put("ca", ca);
		body.put("caOrderId", "ca-" + orderId);
		body.put("status", answer.status());
		body.put("caStatus", answer.caStatus());
		body.put("detail", answer.detail());
		return body;
	}

	/** CollectSSL with the certificate ({@code queryType=1}): whether it is issued. */
	private Mono<Boolean> collectSectigo(String orderNumber) {
		return collect(orderNumber, 1).map(code -> code.equals("errorCode=1") || code.equals("errorCode=2"));
	}

	/** CollectSSL's {@code errorCode}: 1 or 2 issued, 0 not yet. */
	private Mono<Answer> askSectigo(String orderNumber) {
		return collect(orderNumber, 0).map(code -> (code.equals("errorCode=1") || code.equals("errorCode=2")) ? issued()
				: pending("Awaiting Validation", code));
	}

	/** CollectSSL's {@code errorCode} line for the order. */
	private Mono<String> collect(String orderNumber, int queryType) {
		return sectigo.post()
			.uri("/products/download/CollectSSL")
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("loginName=sandbox-reseller&loginPassword=sandbox-password&queryType=" + queryType
					+ "&orderNumber=" + orderNumber)
			.retrieve()
			.bodyToMono(String.class)
			.map(reply -> reply.lines().filter(line -> line.startsWith("errorCode=")).findFirst().orElse(""));
	}

	private Mono<Void> certificate(HttpServerRequest request, HttpServerResponse response) {
		String orderId = request.param("orderId");
		certificateCalls.computeIfAbsent(orderId, id -> new AtomicInteger()).incrementAndGet();
		if (sectigoOrders.containsKey(orderId)) {
			// as the gateway's Sectigo adapter downloads: CollectSSL with the certificate
			return collectSectigo(sectigoOrders.get(orderId))
				.flatMap(issued -> issued ? certificateBody(orderId, response)
						: json(response, 404, Map.of("status", 404, "title", "not issued")));
		}
		Deque<Answer> script = scripts.get(orderId);
		Answer next = (script != null) ? script.peekFirst() : null;
		// a scripted order has a certificate only once its script has come to "issued",
		// as the CA serves none before issuance
		if (!pemChains.containsKey(orderId) || (script != null && (next == null || !"ISSUED".equals(next.status())))) {
			return json(response, 404, Map.of("status", 404, "title", "unknown order"));
		}
		return certificateBody(orderId, response);
	}

	private Mono<Void> certificateBody(String orderId, HttpServerResponse response) {
		return json(response, 200,
				Map.of("serialNumber", serials.getOrDefault(orderId, "0a:1b:" + orderId.hashCode()), "notBefore",
						validFrom.getOrDefault(orderId, java.time.Instant.parse("2026-11-25T10:00:00Z")).toString(),
						"notAfter",
						expiries.getOrDefault(orderId, java.time.Instant.parse("2027-11-25T10:00:00Z")).toString(),
						"issuer", "CN=RVssl Sandbox Intermediate", "pemChain", pemChains.get(orderId)));
	}

	private static Mono<Void> json(HttpServerResponse response, int status, Object body) {
		byte[] bytes = JSON.writeValueAsBytes(body);
		return response.status(status)
			.header("Content-Type", "application/json")
			.sendByteArray(Mono.just(bytes))
			.then();
	}

	record Answer(int httpStatus, String status, String caStatus, String detail) {
	}

}
