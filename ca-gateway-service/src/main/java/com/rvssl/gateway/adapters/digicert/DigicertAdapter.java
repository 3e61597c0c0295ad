package com.rvssl.gateway.adapters.digicert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.gateway.adapters.CaAccount;
import com.rvssl.gateway.adapters.CaOrderQuery;
import com.rvssl.gateway.adapters.CaAdapter;
import com.rvssl.gateway.adapters.CaCalls;
import com.rvssl.gateway.adapters.CaOrderRequest;
import com.rvssl.gateway.adapters.CaOrderStatus;
import com.rvssl.gateway.adapters.CaRefusal;
import com.rvssl.gateway.adapters.CaUnavailable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DigiCert-style CA (CertCentral Services API v2), every call under the
 * {@code digicert} circuit breaker, through one of its accounts (API keys, see
 * {@link DigicertProperties}): the bean speaks for the default account, and
 * {@link #account} gives the adapter of any other, each with its own key and budget.
 */
@Component
class DigicertAdapter implements CaAdapter {

	static final String NAME = "digicert";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CaAccount account;

	private final WebClient client;

	private final CaCalls calls;

	/** The adapter of each account, by name, the default account (this) first. */
	private final Map<String, DigicertAdapter> accounts;

	@Autowired
	DigicertAdapter(WebClient.Builder builder, DigicertProperties properties, CaCalls calls) {
		List<DigicertProperties.Account> inUse = properties.inUse();
		Map<String, DigicertAdapter> byName = new LinkedHashMap<>();
		this.account = new CaAccount(NAME, inUse.get(0).name(), true);
		this.client = client(builder, properties.baseUrl(), inUse.get(0).apiKey());
		this.calls = calls;
		this.accounts = Collections.unmodifiableMap(byName);
		byName.put(account.name(), this);
		for (DigicertProperties.Account other : inUse.subList(1, inUse.size())) {
			byName.put(other.name(), new DigicertAdapter(new CaAccount(NAME, other.name(), false),
					client(builder, properties.baseUrl(), other.apiKey()), calls, this.accounts));
		}
		byName.values().forEach(each -> calls.open(each.account));
	}

	private DigicertAdapter(CaAccount account, WebClient client, CaCalls calls, Map<String, DigicertAdapter> accounts) {
		this.account = account;
		this.client = client;
		this.calls = calls;
		this.accounts = accounts;
	}

	private static WebClient client(WebClient.Builder builder, String baseUrl, String apiKey) {
		return builder.clone().baseUrl(baseUrl).defaultHeader("X-DC-DEVKEY", apiKey).build();
	}

	@Override
	public CertificateAuthority ca() {
		return CertificateAuthority.DIGICERT;
	}

	@Override
	public List<String> accounts() {
		return List.copyOf(accounts.keySet());
	}

	@Override
	public CaAdapter account(String name) {
		return CaAdapter.account(accounts, ca(), name);
	}

	@Override
	public Mono<String> place(CaOrderRequest request) {
		Mono<String> call = client.post()
			.uri("/services/v2/order/certificate/{product}", request.caProduct())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(DigicertOrderBody.of(request))
			.retrieve()
			.onStatus(HttpStatusCode::isError, DigicertAdapter::failure)
			.bodyToMono(String.class)
			.map(body -> required(read(body), "id"));
		return guarded("place", call);
	}

	@Override
	public Mono<String> findByReference(String reference) {
		return findAllByReference(reference).next();
	}

	/**
	 * The search is free text; only an order whose comments are exactly our reference is
	 * ours. A cancelled one (a duplicate cancelled, see the submission's
	 * DuplicateCaOrders) is not the order to adopt.
	 */
	@Override
	public Flux<String> findAllByReference(String reference) {
		Mono<List<String>> call = client.get()
			.uri(uri -> uri.path("/services/v2/order/certificate")
				.queryParam("filters[search]", "{ref}")
				.build(reference))
			.retrieve()
			.onStatus(HttpStatusCode::isError, DigicertAdapter::failure)
			.bodyToMono(String.class)
			.flatMap(body -> {
				JsonNode orders = read(body).path("orders");
				if (!orders.isArray()) {
					return Mono.error(new CaUnavailable("DigiCert order search answered without orders"));
				}
				List<String> live = new ArrayList<>();
				for (JsonNode order : orders) {
					if (reference.equals(order.path("comments").asString(null))
							&& !"canceled".equals(order.path("status").asString(null))) {
						live.add(required(order, "id"));
					}
				}
				return Mono.just(live);
			});
		return read("find", call).flatMapIterable(ids -> ids);
	}

	@Override
	public Mono<CaOrderStatus> status(CaOrderQuery query) {
		Mono<CaOrderStatus> call = client.get()
			.uri("/services/v2/order/certificate/{id}", query.caOrderId())
			.retrieve()
			.onStatus(HttpStatusCode::isError, DigicertAdapter::failure)
			.bodyToMono(String.class)
			.map(body -> {
				JsonNode order = read(body);
				required(order, "status");
				return DigicertStatus.of(order, query.dcv());
			});
		return read("status", call);
	}

	@Override
	public Mono<Void> changeDcvMethod(String caOrderId, Dcv dcv) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("dcv_method", DigicertOrderBody.dcvMethod(dcv.method()));
		if (dcv.method() == DcvMethod.EMAIL && dcv.approverEmail() != null) {
			body.put("dcv_emails", List.of(dcv.approverEmail()));
		}
		Mono<Void> call = client.put()
			.uri("/services/v2/order/certificate/{id}/dcv-method", caOrderId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.onStatus(HttpStatusCode::isError, DigicertAdapter::failure)
			.toBodilessEntity()
			.then();
		// setting the method again is harmless: retried on a blip, unlike the other
		// writes
		return calls.repeatable(account, "change_dcv", call.onErrorMap(connectionOrCodecFailure()));
	}

	@Override
	public Mono<String> downloadPemChain(String caOrderId) {
		Mono<String> call = client.get()
			.uri("/services/v2/certificate/download/order/{id}/format/pem_all", caOrderId)
			.accept(MediaType.TEXT_PLAIN, MediaType.ALL)
			.retrieve()
			.onStatus(HttpStatusCode::isError, DigicertAdapter::failure)
			.bodyToMono(String.class);
		return read("download", call);
	}

	@Override
	public Mono<Void> cancel(String caOrderId, String note) {
		Mono<Void> call = client.put()
			.uri("/services/v2/order/certificate/{id}/status", caOrderId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new StatusChange("canceled", note))
			.retrieve()
			.onStatus(HttpStatusCode::isError, DigicertAdapter::failure)
			.toBodilessEntity()
			.then();
		return guarded("cancel", call);
	}

	@Override
	public Mono<Void> reissue(String caOrderId, String csr, List<String> domains) {
		Map<String, Object> certificate = Map.of("common_name", domains.get(0), "dns_names", domains, "csr", csr,
				"signature_hash", "sha256", "server_platform", Map.of("id", -1));
		Mono<Void> call = client.post()
			.uri("/services/v2/order/certificate/{id}/reissue", caOrderId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("certificate", certificate))
			.retrieve()
			.onStatus(HttpStatusCode::isError, DigicertAdapter::failure)
			.toBodilessEntity()
			.then();
		return guarded("reissue", call);
	}

	@Override
	public Mono<Void> resendDcvEmail(String caOrderId, String approverEmail) {
		// DigiCert resends to the addresses of the order; changing them is a separate
		// call.
		Mono<Void> call = client.put()
			.uri("/services/v2/order/certificate/{id}/send-dcv-email", caOrderId)
			.retrieve()
			.onStatus(HttpStatusCode::isError, DigicertAdapter::failure)
			.toBodilessEntity()
			.then();
		return guarded("resend_dcv", call);
	}

	private <T> Mono<T> guarded(String operation, Mono<T> call) {
		return calls.call(account, operation, call.onErrorMap(connectionOrCodecFailure()));
	}

	private <T> Mono<T> read(String operation, Mono<T> call) {
		return calls.read(account, operation, call.onErrorMap(connectionOrCodecFailure()));
	}

	private static Function<Throwable, Throwable> connectionOrCodecFailure() {
		return failure -> {
			if (failure instanceof WebClientRequestException) {
				return new CaUnavailable("DigiCert not reachable: " + failure.getMessage(), failure);
			}
			if (failure instanceof CodecException || failure instanceof JacksonException) {
				return new CaUnavailable("DigiCert answered something unreadable", failure);
			}
			return failure;
		};
	}

	/**
	 * 4xx are refusals, except those that only mean "not now" (429, 408) or "not us"
	 * (401, 403: our configuration).
	 */
	private static Mono<Throwable> failure(ClientResponse response) {
		HttpStatusCode status = response.statusCode();
		return response.bodyToMono(String.class).defaultIfEmpty("").onErrorReturn("").map(body -> {
			String code = "http_" + status.value();
			String message = body;
			try {
				JsonNode error = JSON.readTree(body).path("errors").path(0);
				code = error.path("code").asString(code);
				message = error.path("message").asString(body);
			}
			catch (JacksonException ex) {
				// not the documented error shape; keep the raw body
			}
			boolean notNow = status.is5xxServerError() || status.value() == HttpStatus.TOO_MANY_REQUESTS.value()
					|| status.value() == HttpStatus.REQUEST_TIMEOUT.value() || status.value() == 401
					|| status.value() == 403;
			if (notNow) {
				return new CaUnavailable("DigiCert answered " + status.value() + " " + code + ": " + message);
			}
			return new CaRefusal(status.value(), code, message);
		});
	}

	private static JsonNode read(String body) {
		if (body == null || body.isBlank()) {
			throw new CaUnavailable("DigiCert answered with an empty body");
		}
		return JSON.readTree(body);
	}

	private static String required(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			throw new CaUnavailable("DigiCert answered without " + field);
		}
		return value.asString();
	}

	record StatusChange(String status, String note) {
	}

}
