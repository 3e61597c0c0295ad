package com.rvssl.order.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.Organization;
import com.rvssl.kit.problem.InvalidField;
import com.rvssl.order.catalog.Catalog;
import com.rvssl.order.catalog.Price;
import com.rvssl.order.catalog.Product;
import com.rvssl.order.catalog.ProductType;
import com.rvssl.order.csr.CsrReading;
import com.rvssl.order.csr.InvalidCsrException;
import com.rvssl.order.dcv.ApproverEmails;
import com.rvssl.order.orders.Configuration;
import com.rvssl.order.orders.Order;
import com.rvssl.order.orders.OrderDraft;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What an order request must satisfy beyond its JSON shape: a product and term on sale,
 * domains the product can cover, a DCV method that works for them, and a CSR that proves
 * a strong key for exactly those names. All problems are reported at once; a request with
 * any of them changes nothing.
 */
@Component
class OrderRequestChecks {

	private static final Pattern HOSTNAME = Pattern
		.compile("^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final Catalog catalog;

	OrderRequestChecks(Catalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * @param product the product as sold now (with the operators' prices), null when
	 * unknown
	 * @param retail the reseller's retail override for the term, null for the recommended
	 * price
	 * @param csr the request's CSR as read off the event loop
	 */
	OrderDraft check(Requests.PlaceOrder request, Product product, Money retail, CsrReading csr) {
		Problems problems = new Problems();
		if (product == null) {
			problems.unsellable("productCode", "unknown product " + request.productCode());
			throw problems.exception();
		}
		Price price = product.priceFor(request.termMonths()).orElse(null);
		if (price == null) {
			problems.unsellable("termMonths", "product " + product.code() + " is sold for "
					+ product.prices().stream().map((p) -> p.termMonths() + "").toList() + " months only");
		}
		List<String> domains = domains(product, request.domains(), problems);
		Configuration configuration = configuration(product, domains, request.csr(), csr, request.dcv(),
				request.organization(), false, problems);
		problems.throwIfAny();
		return new OrderDraft(product, price, domains, request.whmcsServiceId().trim(), request.customer().toCustomer(),
				configuration, retail);
	}

	/** A reissue CSR: readable, a strong key, exactly the order's names. */
	String checkReissue(Order order, Requests.Reissue request, CsrReading csr) {
		Problems problems = new Problems();
		checkCsr(csr, order.domains(), problems);
		problems.throwIfAny();
		return request.csr();
	}

	/**
	 * A new DCV method for an order at the CA. Every problem is the caller's to fix in
	 * the body, so all are 400: EMAIL needs an approver the CA accepts for the order's
	 * first domain (one of the constructed addresses where {@link ApproverEmails} can
	 * tell, else an address at the domain or a parent), HTTP cannot validate a wildcard.
	 * The approver is ignored for HTTP and DNS.
	 */
	Dcv checkDcvChange(Order order, Requests.DcvBody request) {
		List<InvalidField> errors = new ArrayList<>();
		String primary = order.domains().isEmpty() ? null : order.domains().get(0);
		if (request.method() == DcvMethod.HTTP && order.domains().stream().anyMatch((d) -> d.startsWith("*."))) {
			errors.add(new InvalidField("method",
					"a wildcard certificate cannot be validated over HTTP; use EMAIL or DNS"));
		}
		if (request.method() == DcvMethod.EMAIL) {
			String email = (request.approverEmail() != null) ? request.approverEmail().trim().toLowerCase(Locale.ROOT)
					: "";
			if (email.isEmpty()) {
				errors.add(new InvalidField("approverEmail", "approverEmail is required for EMAIL validation"));
			}
			else if (primary != null) {
				acceptedApprovers(primary).ifPresentOrElse((accepted) -> {
					if (!accepted.contains(email)) {
						errors.add(new InvalidField("approverEmail", "the CA accepts only these addresses for "
								+ primary + ": " + String.join(", ", accepted)));
					}
				}, () -> {
					if (!atDomainOrParent(primary, email)) {
						errors.add(new InvalidField("approverEmail",
								"the approver email must be at " + bare(primary) + " or one of its parent domains"));
					}
				});
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(HttpStatus.BAD_REQUEST, errors.get(0).message(), errors);
		}
		return request.toDcv();
	}

	/**
	 * The constructed approver addresses, when the domain has a registrable part
	 * {@link ApproverEmails} knows.
	 */
	private static Optional<List<String>> acceptedApprovers(String domain) {
		try {
			return Optional.of(ApproverEmails.of(domain));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static boolean atDomainOrParent(String domain, String email) {
		String primary = bare(domain);
		String mailDomain = email.substring(email.indexOf('@') + 1);
		return mailDomain.contains(".") && (primary.equals(mailDomain) || primary.endsWith("." + mailDomain));
	}

	private static String bare(String domain) {
		return domain.startsWith("*.") ? domain.substring(2) : domain;
	}

	Configuration checkConfiguration(Order order, Requests.Configure request, CsrReading csr) {
		Problems problems = new Problems();
		Product product = catalog.find(order.productCode())
			.orElseThrow(() -> new IllegalStateException("product " + order.productCode() + " left the catalog"));
		Configuration configuration = configuration(product, order.domains(), request.csr(), csr, request.dcv(),
				request.organization(), true, problems);
		problems.throwIfAny();
		return configuration;
	}

	/**
	 * The configuration when it is complete; null when it is partial (the order then
	 * awaits it), unless {@code required}.
	 */
	private Configuration configuration(Product product, List<String> domains, String csr, CsrReading reading,
			Requests.DcvBody dcv, Requests.OrganizationBody organization, boolean required, Problems problems) {
		if (csr != null) {
			checkCsr(reading, domains, problems);
		}
		if (dcv != null) {
			checkDcv(product, domains, dcv, problems);
		}
		Organization org = null;
		if (product.needsOrganization()) {
			if (organization != null) {
				if (!COUNTRIES.contains(organization.country().toUpperCase(Locale.ROOT))) {
					problems.unsellable("organization.country", "unknown country code " + organization.country());
				}
				org = organization.toOrganization();
			}
			else if (required) {
				problems.unsellable("organization",
						"organization details are required for " + product.validation() + " certificates");
			}
		}
		boolean complete = csr != null && !csr.isBlank() && dcv != null
				&& (!product.needsOrganization() || org != null);
		return complete ? new Configuration(csr, dcv.toDcv(), org) : null;
	}

	private static List<String> domains(Product product, List<String> requested, Problems problems) {
		List<String> domains = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			String domain = requested.get(i).trim().toLowerCase(Locale.ROOT);
			String field = "domains[" + i + "]";
			if (domain.length() > 253 || !HOSTNAME.matcher(domain).matches()) {
				problems.unsellable(field, "'" + requested.get(i) + "' is not a domain name");
			}
			else if (!seen.add(domain)) {
				problems.unsellable(field, domain + " is listed twice");
			}
			else if (domain.startsWith("*.") && product.type() != ProductType.WILDCARD) {
				problems.unsellable(field, "wildcard " + domain + " needs a wildcard product; " + product.code()
						+ " is " + product.type());
			}
			else if (!domain.startsWith("*.") && product.type() == ProductType.WILDCARD) {
				problems.unsellable(field, product.code() + " is a wildcard product: order *." + domain);
			}
			domains.add(domain);
		}
		if (domains.size() > product.maxDomains()) {
			problems.unsellable("domains", product.code() + " covers at most " + product.maxDomains()
					+ ((product.maxDomains() == 1) ? " domain" : " domains") + ", " + domains.size() + " given");
		}
		return domains;
	}

	private static void checkDcv(Product product, List<String> domains, Requests.DcvBody dcv, Problems problems) {
		boolean wildcard = domains.stream().anyMatch((domain) -> domain.startsWith("*."));
		if (dcv.method() == DcvMethod.HTTP && wildcard) {
			problems.unsellable("dcv.method", "a wildcard certificate cannot be validated over HTTP; use EMAIL or DNS");
		}
		if (dcv.method() == DcvMethod.EMAIL) {
			if (dcv.approverEmail() == null || dcv.approverEmail().isBlank()) {
				problems.unreadable("dcv.approverEmail", "approverEmail is required for EMAIL validation");
			}
			else if (!domains.isEmpty()) {
				String primary = domains.get(0).startsWith("*.") ? domains.get(0).substring(2) : domains.get(0);
				String mailDomain = dcv.approverEmail()
					.substring(dcv.approverEmail().indexOf('@') + 1)
					.trim()
					.toLowerCase(Locale.ROOT);
				boolean parentOrSelf = mailDomain.contains(".")
						&& (primary.equals(mailDomain) || primary.endsWith("." + mailDomain));
				if (!parentOrSelf) {
					problems.unsellable("dcv.approverEmail",
							"the approver email must be at " + primary + " or one of its parent domains");
				}
			}
		}
	}

	/**
	 * An unreadable CSR is a 400, a refused key or names other than the order's a 422.
	 */
	private static void checkCsr(CsrReading csr, List<String> domains, Problems problems) {
		if (!csr.present()) {
			throw new IllegalStateException("the CSR was not read before the checks");
		}
		if (csr.refusal() != null) {
			InvalidCsrException refusal = csr.refusal();
			if (refusal.keyRefused()) {
				problems.unsellable("csr", refusal.getMessage());
			}
			else {
				problems.unreadable("csr", refusal.getMessage());
			}
			return;
		}
		csr.decoded().mismatchWith(domains).ifPresent((mismatch) -> problems.unsellable("csr", mismatch));
	}

	/**
	 * Collects problems; a request that cannot be read at all is a 400, one that cannot
	 * be sold a 422.
	 */
	private static final class Problems {

		private final List<InvalidField> errors = new ArrayList<>();

		private boolean unreadable;

		void unreadable(String field, String message) {
			errors.add(new InvalidField(field, message));
			unreadable = true;
		}

		void unsellable(String field, String message) {
			errors.add(new InvalidField(field, message));
		}

		void throwIfAny() {
			if (!errors.isEmpty()) {
				throw exception();
			}
		}

		InvalidRequestException exception() {
			HttpStatus status = unreadable ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
			String detail = errors.get(0).message()
					+ ((errors.size() > 1) ? " (and " + (errors.size() - 1) + " more)" : "");
			return new InvalidRequestException(status, detail, errors);
		}

	}

}
