package com.rvssl.order.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rvssl.contracts.Money;
import com.rvssl.contracts.Validation;
import com.rvssl.order.catalog.Price;
import com.rvssl.order.catalog.Product;
import com.rvssl.order.catalog.ProductType;
import com.rvssl.order.csr.DecodedCsr;
import com.rvssl.order.orders.AutoOrderMode;
import com.rvssl.order.orders.CancellationRequest;
import com.rvssl.order.orders.CertificateSummary;
import com.rvssl.order.orders.Order;
import com.rvssl.order.orders.OrderPrice;
import com.rvssl.order.orders.OrderState;
import com.rvssl.order.orders.OrderStore;
import com.rvssl.order.orders.TimelineEntry;
import com.rvssl.order.pricing.RetailPrices;
import com.rvssl.order.views.StatusViews;
import com.rvssl.order.orders.ValidationProgress;
import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.order.views.Views;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON the API answers with (API.md's shapes); domain objects never leave as they are
 * stored.
 */
final class Responses {

	private Responses() {
	}

	record ProductJson(String code, String name, String brand, Validation validation, ProductType type, int maxDomains,
			List<PriceJson> prices) {

		/**
		 * {@code overrides} by {@link RetailPrices#key(String, int)}: the reseller's own
		 * retail prices.
		 */
		static ProductJson of(Product product, Map<String, Money> overrides) {
			return new ProductJson(product.code(), product.name(), product.brand(), product.validation(),
					product.type(), product.maxDomains(),
					product.prices()
						.stream()
						.map((price) -> PriceJson.of(price,
								overrides.get(RetailPrices.key(product.code(), price.termMonths()))))
						.toList());
		}

	}

	/**
	 * {@code retail} is the reseller's override where there is one, the recommended price
	 * otherwise.
	 */
	record PriceJson(int termMonths, Money wholesale, Money recommendedRetail, Money retail) {

		static PriceJson of(Price price, Money override) {
			return new PriceJson(price.termMonths(), price.wholesale(), price.recommendedRetail(),
					(override != null) ? override : price.recommendedRetail());
		}

	}

	/** One server-sent status event: the state, its three views, and when it changed. */
	record StatusJson(String orderId, OrderState state, Views views, Instant at) {

		static StatusJson of(Order order) {
			return new StatusJson(order.id(), order.state(), StatusViews.of(order), order.updatedAt());
		}

	}

	record AutoOrderJson(AutoOrderMode mode) {
	}

	record ApproverEmailsJson(String domain, List<String> approverEmails) {
	}

	/**
	 * The order. Its plan: {@code planEnd} (null until the first issuance) is the first
	 * certificate's notBefore plus {@code termMonths} calendar months (UTC); the platform
	 * reissues within it. {@code certificate} is the current certificate,
	 * {@code certificates} every certificate issued so far, oldest first (at most the
	 * newest {@value Order#CERTIFICATES_KEPT}), {@code reissue} the reissue under way
	 * (null when none) and {@code renewalAtRisk} why the current certificate expires
	 * within two weeks with no successor (null when it does not).
	 */
	record OrderJson(String id, String resellerId, String productCode, ValidationJson validation, int termMonths,
			List<String> domains, String whmcsServiceId, AutoOrderMode mode, OrderState state, Views views,
			OrderPrice price, String caOrderId, CertificateSummary certificate, Instant createdAt, Instant updatedAt,
			List<TimelineEntry> timeline, CancellationJson cancellation,
			@Schema(description = "When the plan the reseller paid for ends: the first certificate's notBefore plus "
					+ "termMonths calendar months (UTC); null until the first issuance. Certificates are capped by the "
					+ "CA/Browser Forum Baseline Requirements (199 days from 2026-03-15, 100 from 2027-03-15, 47 from "
					+ "2029-03-15), so the platform reissues within the plan by itself until then.") Instant planEnd,
			@Schema(description = "Every certificate issued for this order so far, oldest first (at most the newest "
					+ Order.CERTIFICATES_KEPT
					+ "); `certificate` is the current one, the one downloads serve.") List<IssuedCertificateJson> certificates,
			@Schema(description = "The reissue under way (asked for, certificate not issued yet), or null. "
					+ "`automatic`: true when the platform renews within the plan by itself (the views then read "
					+ "\"Issued, renewal in progress\" / \"Active, renewal in progress\" / \"Complete, renewal "
					+ "in progress\"), false for the reseller's own reissue.") ReissueJson reissue,
			@Schema(description = "Set when the current certificate expires within two weeks while the plan goes on "
					+ "and no new certificate has replaced it (null otherwise; cleared when the next certificate "
					+ "arrives): `notAfter` is its expiry, `since` when the platform noticed (its operators are "
					+ "alerted then), `reissueUnderway` true when a reissue was requested and the certificate "
					+ "authority still waits for its validation (typically an approval email nobody followed), "
					+ "false when no reissue is under way. Every view's detail then starts by saying so: the "
					+ "client's \"Action needed: your certificate expires on ... and its renewal is waiting for "
					+ "you. ...\" or \"... its renewal has not started. Please contact your provider.\", the "
					+ "admin's and provider's \"Renewal at risk: ...\"; the statuses stay the issued ones.") RenewalAtRiskJson renewalAtRisk) {

		static OrderJson of(Order order) {
			return new OrderJson(order.id(), order.resellerId(), order.productCode(), ValidationJson.of(order),
					order.termMonths(), order.domains(), order.whmcsServiceId(), order.mode(), order.state(),
					StatusViews.of(order), order.price(), order.caOrderId(), order.certificate(), order.createdAt(),
					order.updatedAt(), order.timeline(), CancellationJson.of(order), order.planEnd(),
					IssuedCertificateJson.of(order), ReissueJson.of(order), RenewalAtRiskJson.of(order));
		}

	}

	/** One certificate of the order's plan. */
	record IssuedCertificateJson(String serialNumber, Instant notBefore, Instant notAfter) {

		static List<IssuedCertificateJson> of(Order order) {
			List<CertificateSummary> issued = order.certificates().isEmpty() && order.certificate() != null
					? List.of(order.certificate()) : order.certificates();
			return issued.stream()
				.map((certificate) -> new IssuedCertificateJson(certificate.serialNumber(), certificate.notBefore(),
						certificate.notAfter()))
				.toList();
		}

	}

	/**
	 * A reissue under way: when it was asked for, and whether the platform asked by
	 * itself ({@code automatic}: a renewal within the plan) or the reseller did.
	 */
	record ReissueJson(Instant requestedAt, boolean automatic) {

		static ReissueJson of(Order order) {
			return order.isBeingReissued() ? new ReissueJson(order.reissue().requestedAt(), order.reissue().automatic())
					: null;
		}

	}

	/**
	 * The current certificate expires ({@code notAfter}) with no successor: noticed at
	 * {@code since}; {@code reissueUnderway} when the CA still waits for the reissue's
	 * validation.
	 */
	record RenewalAtRiskJson(Instant notAfter, Instant since, boolean reissueUnderway) {

		static RenewalAtRiskJson of(Order order) {
			return order.isRenewalAtRisk() ? new RenewalAtRiskJson(order.renewalAtRisk().notAfter(),
					order.renewalAtRisk().since(), order.renewalAtRisk().reissueUnderway()) : null;
		}

	}

	/**
	 * A cancellation of an order that went to billing: {@code REQUESTED} while the CA's
	 * answer is awaited, {@code CONFIRMED} once the order is cancelled, {@code REFUSED}
	 * (with the CA's {@code refusal}) when the CA kept the order. Null when none was
	 * asked for, or the order was cancelled at once.
	 */
	record CancellationJson(String status, Instant requestedAt, String reason, String refusal) {

		static CancellationJson of(Order order) {
			CancellationRequest request = order.cancellation();
			if (request == null) {
				return null;
			}
			String status = (order.state() == OrderState.CANCELLED) ? "CONFIRMED"
					: request.isPending() ? "REQUESTED" : "REFUSED";
			return new CancellationJson(status, request.requestedAt(), request.reason(), request.refusal());
		}

	}

	/**
	 * The order's validation: the product's {@code level} (DV/OV/EV) and the CA's latest
	 * word while it validates: {@code stage}, {@code dcv} (what each domain must show,
	 * never null) and {@code detail}. Once the order is past validation, stage is null
	 * and dcv empty.
	 */
	record ValidationJson(Validation level, ValidationStage stage, List<DcvInstruction> dcv, String detail) {

		static ValidationJson of(Order order) {
			ValidationProgress progress = order.validationProgress();
			boolean validating = order.state() == OrderState.SUBMITTED || order.state() == OrderState.PENDING_VALIDATION
					|| order.isBeingReissued();
			if (progress == null) {
				return new ValidationJson(order.validation(), null, List.of(), order.validationDetail());
			}
			return validating
					? new ValidationJson(order.validation(), progress.stage(), progress.dcv(), progress.detail())
					: new ValidationJson(order.validation(), null, List.of(), progress.detail());
		}

	}

	record OrderPageJson(List<OrderJson> content, int page, int size, long totalElements) {

		static OrderPageJson of(OrderStore.OrderPage page) {
			return new OrderPageJson(page.content().stream().map(OrderJson::of).toList(), page.page(), page.size(),
					page.totalElements());
		}

	}

	record CsrJson(String commonName, List<String> subjectAltNames, String keyAlgorithm, int keySize,
			String signatureAlgorithm, Map<String, String> subject) {

		static CsrJson of(DecodedCsr csr) {
			return new CsrJson(csr.commonName(), csr.subjectAltNames(), csr.keyAlgorithm(), csr.keySize(),
					csr.signatureAlgorithm(), csr.subject());
		}

	}

}
