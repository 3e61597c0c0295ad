package com.rvssl.gateway.adapters.sectigo;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Validation;
import com.rvssl.gateway.adapters.CaAccount;
import com.rvssl.gateway.adapters.CaAdapter;
import com.rvssl.gateway.adapters.CaCalls;
import com.rvssl.gateway.adapters.CaOrderQuery;
import com.rvssl.gateway.adapters.CaOrderRequest;
import com.rvssl.gateway.adapters.CaOrderStatus;
import com.rvssl.gateway.adapters.CaOrderStatus.State;
import com.rvssl.gateway.adapters.CaRefusal;
import com.rvssl.gateway.adapters.CaUnavailable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * The Sectigo-style reseller API, every call under the {@code sectigo} resilience
 * instances, through one of its accounts (reseller logins, see
 * {@link SectigoProperties}): the bean speaks for the default account, and
 * {@link #account} gives the adapter of any other, each with its own login and budget.
 */
@Component
class SectigoAdapter implements CaAdapter {

	static final String NAME = "sectigo";

	private final CaAccount account;

	private final SectigoProperties.Account login;

	private final WebClient client;

	private final CaCalls calls;

	/** The adapter of each account, by name, the default account (this) first. */
	private final Map<String, SectigoAdapter> accounts;

	@Autowired
	SectigoAdapter(WebClient.Builder builder, SectigoProperties properties, CaCalls calls) {
		List<SectigoProperties.Account> inUse = properties.inUse();
		Map<String, SectigoAdapter> byName = new LinkedHashMap<>();
		this.account = new CaAccount(NAME, inUse.get(0).name(), true);
		this.login = inUse.get(0);
		this.client = builder.clone().baseUrl(properties.baseUrl()).build();
		this.calls = calls;
		this.accounts = Collections.unmodifiableMap(byName);
		byName.put(account.name(), this);
		for (SectigoProperties.Account other : inUse.subList(1, inUse.size())) {
			byName.put(other.name(), new SectigoAdapter(new CaAccount(NAME, other.name(), false), other, this.client,
					calls, this.accounts));
		}
		byName.values().forEach(each -> calls.open(each.account));
	}

	private SectigoAdapter(CaAccount account, SectigoProperties.Account login, WebClient client, CaCalls calls,
			Map<String, SectigoAdapter> accounts) {
		this.account = account;
		this.login = login;
		this.client = client;
		this.calls = calls;
		this.accounts = accounts;
	}

	@Override
	public CertificateAuthority ca() {
		return CertificateAuthority.SECTIGO;
	}

	@Override
	public List<String> accounts() {
		return List.copyOf(accounts.keySet());
	}

	@Override
	public CaAdapter account(String name) {
		return CaAdapter.account(accounts, ca(), name);
	}

	/**
	 * A repeated uniqueValue (a lost reply, retried) answers the order it already made:
	 * adopted.
	 */
	@Override
	public Mono<String> place(CaOrderRequest request) {
		Mono<String> call = post("!AutoApplySSL", SectigoOrderForm.of(request)).map(reply -> {
			if (reply.errorCode() == -4 && "uniqueValue".equals(reply.item())
					&& reply.get("existingOrderNumber") != null) {
				return reply.get("existingOrderNumber");
			}
			return reply.successOrThrow().required("orderNumber");
		});
		return calls.call(account, "place", guard(call));
	}

	/**
	 * Sectigo has no search by uniqueValue: ordering again finds the order instead (see
	 * {@link #place} and {@link #settleReference}). Nor can an order be made late beside
	 * the one a reference has: the CA refuses a second order with the same uniqueValue,
	 * so the search for late orders has nothing to find either.
	 */
	@Override
	public Mono<String> findByReference(String reference) {
		return Mono.empty();
	}

	/**
	 * Orders again with the same uniqueValue: the CA names the order a lost reply made
	 * ({@code -4}, see {@link #place}), or makes one now; either way the caller learns
	 * the order and no other can be made with that reference afterwards.
	 */
	@Override
	public Mono<String> settleReference(CaOrderRequest request) {
		return place(request);
	}

	@Override
	public Mono<CaOrderStatus> status(CaOrderQuery query) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("orderNumber", query.caOrderId());
		form.add("queryType", "0");
		form.add("showExtStatus", "Y");
		Mono<CaOrderStatus> call = post("download/CollectSSL", form)
			.map(reply -> SectigoValidation.enrich(statusOf(reply.successOrThrow(), query.dcv()), reply, query));
		return calls.read(account, "status", guard(call));
	}

	/** AutoUpdateDCV for every domain of the order (no {@code domainName}). */
	@Override
	public Mono<Void> changeDcvMethod(String caOrderId, Dcv dcv) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("orderNumber", caOrderId);
		form.add("newMethod", dcvMethod(dcv.method()));
		if (dcv.method() == DcvMethod.EMAIL && dcv.approverEmail() != null) {
			form.add("newDCVEmailAddress", dcv.approverEmail());
		}
		Mono<Void> call = post("!AutoUpdateDCV", form).doOnNext(SectigoReply::successOrThrow).then();
		// setting the method again is harmless: retried on a blip, unlike the other
		// writes
		return calls.repeatable(account, "change_dcv", guard(call));
	}

	static String dcvMethod(DcvMethod method) {
		return switch (method) {
			case EMAIL -> "EMAIL";
			case HTTP -> "HTTP_CSR_HASH";
			case DNS -> "CNAME_CSR_HASH";
		};
	}

	/**
	 * Leaf, intermediate and root as PEM, from CollectSSL with the chain as individual
	 * files.
	 */
	@Override
	public Mono<String> downloadPemChain(String caOrderId) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("orderNumber", caOrderId);
		form.add("queryType", "2");
		form.add("responseType", "3");
		Mono<String> call = post("download/CollectSSL", form).map(reply -> {
			SectigoReply collected = reply.successOrThrow();
			if (collected.errorCode() != 2 || collected.get("certificate") == null) {
				throw new CaRefusal(409, "sectigo_not_issued",
						"the certificate is not issued: " + collected.get("certificateStatus"));
			}
			List<String> der = new ArrayList<>();
			der.add(collected.get("certificate"));
			for (int i = 1; collected.get("caCertificate" + i) != null; i++) {
				der.add(collected.get("caCertificate" + i));
			}
			StringBuilder pem = new StringBuilder();
			der.forEach(base64 -> pem.append(pem(base64)));
			return pem.toString();
		});
		return calls.read(account, "download", guard(call));
	}

	/**
	 * AutoRevokeSSL: cancels a pending order, revokes an issued one (refunded in the
	 * window); -20 means done already.
	 */
	@Override
	public Mono<Void> cancel(String caOrderId, String note) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("orderNumber", caOrderId);
		if (note != null) {
			form.add("revocationReason", note);
		}
		Mono<Void> call = post("!AutoRevokeSSL", form).doOnNext(reply -> {
			if (reply.errorCode() != -20) {
				reply.successOrThrow();
			}
		}).then();
		return calls.call(account, "cancel", guard(call));
	}

	@Override
	public Mono<Void> reissue(String caOrderId, String csr, List<String> domains) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("orderNumber", caOrderId);
		form.add("csr", csr);
		Mono<Void> call = post("!AutoReplaceSSL", form).doOnNext(SectigoReply::successOrThrow).then();
		return calls.call(account, "reissue", guard(call));
	}

	@Override
	public Mono<Void> resendDcvEmail(String caOrderId, String approverEmail) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("orderNumber", caOrderId);
		if (approverEmail != null && !approverEmail.isBlank()) {
			form.add("dcvEmailAddress", approverEmail);
		}
		Mono<Void> call = post("!ResendDCVEmail", form).doOnNext(SectigoReply::successOrThrow).then();
		return calls.call(account, "resend_dcv", guard(call));
	}

	static CaOrderStatus statusOf(SectigoReply reply, Dcv dcv) {
		String caStatus = (reply.get("certificateStatus") != null) ? reply.get("certificateStatus") : "unknown";
		String statusCode = (reply.get("statusCode") != null) ? reply.get("statusCode") : "";
		return switch (statusCode) {
			case "6", "9" -> new CaOrderStatus(State.ISSUED, caStatus, "Issued");
			case "3", "5", "7" -> new CaOrderStatus(State.REJECTED, caStatus,
					(reply.get("rejectionReason") != null) ? reply.get("rejectionReason") : "Rejected by the CA");
			case "8" -> new CaOrderStatus(State.CANCELLED, caStatus, caStatus + " at the CA");
			case "12" ->
				new CaOrderStatus(State.PENDING_VALIDATION, caStatus, "Waiting for the CA's organisation validation");
			default -> new CaOrderStatus(State.PENDING_VALIDATION, caStatus, awaited(dcv));
		};
	}

	private static String awaited(Dcv dcv) {
		if (dcv != null && dcv.method() == DcvMethod.EMAIL && dcv.approverEmail() != null) {
			return "Waiting for " + dcv.approverEmail() + " to approve";
		}
		if (dcv != null && dcv.method() != DcvMethod.EMAIL) {
			return "Waiting for the " + dcv.method().name().toLowerCase(Locale.ROOT) + " validation token";
		}
		return "Waiting for domain control validation";
	}

	private Mono<SectigoReply> post(String operation, MultiValueMap<String, String> arguments) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("loginName", login.loginName());
		form.add("loginPassword", login.loginPassword());
		form.addAll(arguments);
		return client.post()
			.uri("/products/" + operation)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.TEXT_PLAIN, MediaType.ALL)
			.body(BodyInserters.fromFormData(form))
			.retrieve()
			.onStatus(HttpStatusCode::isError, SectigoAdapter::failure)
			.bodyToMono(String.class)
			.defaultIfEmpty("")
			.map(SectigoReply::parse);
	}

	/**
	 * The reseller API refuses with 200 and a negative errorCode; any HTTP error is the
	 * CA (or a proxy) failing.
	 */
	private static Mono<Throwable> failure(ClientResponse response) {
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.onErrorReturn("")
			.map(body -> new CaUnavailable(
					"Sectigo answered HTTP " + response.statusCode().value() + ": " + body.strip().replace('\n', ' ')));
	}

	private static <T> Mono<T> guard(Mono<T> call) {
		return call.onErrorMap(connectionOrCodecFailure());
	}

	private static Function<Throwable, Throwable> connectionOrCodecFailure() {
		return failure -> {
			if (failure instanceof WebClientRequestException) {
				return new CaUnavailable("Sectigo not reachable: " + failure.getMessage(), failure);
			}
			if (failure instanceof CodecException) {
				return new CaUnavailable("Sectigo answered something unreadable", failure);
			}
			return failure;
		};
	}

	private static String pem(String base64Der) {
		String body = Base64.getMimeEncoder(64, new byte[] { '\n' })
			.encodeToString(Base64.getDecoder().decode(base64Der));
		return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
	}

	/** The AutoApplySSL form for an order. */
	static final class SectigoOrderForm {

		private SectigoOrderForm() {
		}

		static MultiValueMap<String, String> of(CaOrderRequest request) {
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("product", request.caProduct());
			form.add("days", (request.termMonths() >= 24) ? "730" : "365");
			form.add("csr", request.csr());
			form.add("serverSoftware", "-1");
			form.add("isCustomerValidated", "N");
			DcvMethod method = (request.dcv() != null) ? request.dcv().method() : DcvMethod.EMAIL;
			form.add("dcvMethod", dcvMethod(method));
			if (method == DcvMethod.EMAIL && request.dcv() != null && request.dcv().approverEmail() != null) {
				form.add("dcvEmailAddress", request.dcv().approverEmail());
			}
			String first = request.domains().get(0);
			boolean beyondWww = request.domains()
				.stream()
				.anyMatch(name -> !name.equalsIgnoreCase(first) && !name.equalsIgnoreCase("www." + first));
			if (beyondWww) {
				form.add("domainNames", String.join(",", request.domains()));
			}
			form.add("uniqueValue", request.reference());
			if (request.validation() != Validation.DV && request.organization() != null) {
				form.add("organizationName", request.organization().name());
				form.add("streetAddress1", request.organization().address());
				form.add("localityName", request.organization().city());
				form.add("countryName", request.organization().country());
				form.add("telephoneNumber", request.organization().phone());
				if (request.organization().contact() != null) {
					form.add("appRepEmailAddress", request.organization().contact().email());
				}
			}
			return form;
		}

	}

}
