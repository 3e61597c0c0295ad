package com.rvssl.sandbox.api.sectigo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.rvssl.sandbox.authority.SigningRequest;
import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.NewOrder;
import com.rvssl.sandbox.orders.OrderDesk;
import com.rvssl.sandbox.orders.ValidationLevel;

/**
 * Ordering: {@code !AutoApplySSL}. The product decides the validation level and what the
 * names may be; a repeated {@code uniqueValue} names the order the same login already
 * placed with it instead of ordering again (another login's orders are not its own).
 */
@Component
class SectigoOrdering implements SectigoOperations {

	/** The API name the desk keeps with each order placed here. */
	static final String API = "sectigo";

	private final OrderDesk desk;

	/**
	 * Held while checking a uniqueValue and ordering, so that two racing calls cannot
	 * both order.
	 */
	private final Object ordering = new Object();

	SectigoOrdering(OrderDesk desk) {
		this.desk = desk;
	}

	@Override
	public List<SectigoOperation> operations() {
		return List.of(new SectigoOperation("!AutoApplySSL",
				Set.of("product", "days", "csr", "serverSoftware", "isCustomerValidated", "dcvMethod",
						"dcvEmailAddress", "domainNames", "uniqueValue", "organizationName", "streetAddress1",
						"localityName", "postalCode", "countryName", "telephoneNumber", "emailAddress",
						"appRepEmailAddress", "appRepForename", "appRepSurname"),
				this::apply));
	}

	private SectigoReply apply(SectigoForm form) {
		SectigoProduct product = SectigoProduct.byCode(form.required("product"))
			.orElseThrow(() -> SectigoRefusal.invalid("product", "Unknown product."));
		String days = form.required("days");
		if (!days.equals("365") && !days.equals("730")) {
			throw new SectigoRefusal(-115, "days", "No price is available for that product and term!");
		}
		String csr = form.required("csr");
		SigningRequest request = SigningRequest.parse(csr);
		List<String> names = new ArrayList<>();
		String commonName = commonNameOf(request);
		if (commonName != null) {
			names.add(commonName);
		}
		String domainNames = form.get("domainNames");
		if (domainNames != null && !domainNames.isBlank()) {
			Arrays.stream(domainNames.split(",")).map(String::trim).filter((n) -> !n.isEmpty()).forEach(names::add);
		}
		if (names.isEmpty()) {
			throw SectigoRefusal.invalid("csr", "The CSR has no common name and no domainNames were given.");
		}
		if (product.wildcard() != names.get(0).startsWith("*.")) {
			throw SectigoRefusal.invalid("csr", product.wildcard() ? "A wildcard product needs a *. common name."
					: "A wildcard name needs a wildcard product.");
		}
		if (!product.multiDomain() && names.stream()
			.map((n) -> n.toLowerCase(Locale.ROOT))
			.distinct()
			.filter((n) -> !n.equals("www." + names.get(0).toLowerCase(Locale.ROOT))
					&& !n.equals(names.get(0).toLowerCase(Locale.ROOT)))
			.count() > 0) {
			throw SectigoRefusal.invalid("domainNames", "Only a multi-domain product covers several domains.");
		}
		String dcvMethod = (form.get("dcvMethod") != null) ? form.get("dcvMethod") : "EMAIL";
		if (!SectigoDcv.METHODS.contains(dcvMethod)) {
			throw SectigoRefusal.invalid("dcvMethod", "Use one of " + SectigoDcv.METHODS + ".");
		}
		String approver = form.get("dcvEmailAddress");
		if (dcvMethod.equals("EMAIL") && (approver == null || approver.isBlank())) {
			throw SectigoRefusal.missing("dcvEmailAddress");
		}
		if (product.validation() != ValidationLevel.DV && form.get("organizationName") == null) {
			throw SectigoRefusal.missing("organizationName");
		}
		String uniqueValue = form.get("uniqueValue");
		int years = days.equals("730") ? 2 : 1;
		CaOrder order;
		synchronized (this.ordering) {
			if (uniqueValue != null && !uniqueValue.isBlank()) {
				this.desk.withReference(uniqueValue)
					.stream()
					.filter((existing) -> existing.api().equals(API) && existing.account().equals(form.account()))
					.findFirst()
					.ifPresent((existing) -> {
						throw new SectigoRefusal(-4, "uniqueValue", "",
								SectigoReply
									.error(-4, "uniqueValue",
											"The value of the 'uniqueValue' argument is already in use by order "
													+ existing.id() + "!")
									.add("existingOrderNumber", Long.toString(existing.id())));
					});
			}
			order = this.desk.submit(new NewOrder(API, Integer.toString(product.code()), product.validation(),
					uniqueValue, names.get(0), names, csr, years, dcvMethod,
					(approver != null) ? List.of(approver) : List.of(), form.account()));
		}
		return SectigoReply.code(0)
			.add("orderNumber", Long.toString(order.id()))
			.add("certificateID", Long.toString(order.certificateId()))
			.add("totalCost", product.totalCost(years))
			.add("expectedDeliveryTime", (product.validation() == ValidationLevel.DV) ? "60" : "172800");
	}

	private static String commonNameOf(SigningRequest request) {
		if (request.subject() == null) {
			return null;
		}
		return Arrays.stream(request.subject().split(","))
			.map(String::trim)
			.filter((part) -> part.toUpperCase(Locale.ROOT).startsWith("CN="))
			.map((part) -> part.substring(3).trim())
			.findFirst()
			.orElse(null);
	}

}
