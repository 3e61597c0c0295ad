package com.rvssl.sandbox.api.sectigo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.rvssl.sandbox.SandboxProperties;
import com.rvssl.sandbox.authority.CertificateAuthority;
import com.rvssl.sandbox.authority.CertificateEncodings;
import com.rvssl.sandbox.authority.InvalidCsrException;
import com.rvssl.sandbox.authority.SigningRequest;
import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.IllegalTransitionException;
import com.rvssl.sandbox.orders.NewOrder;
import com.rvssl.sandbox.orders.OrderDesk;
import com.rvssl.sandbox.orders.OrderStatus;
import com.rvssl.sandbox.orders.UnknownOrderException;
import com.rvssl.sandbox.orders.ValidationLevel;
import com.rvssl.sandbox.orders.ValidationStep;

/**
 * The Sectigo-style reseller API. Every operation is one POST of form fields under
 * {@code /products/}; each accepts only its own arguments (anything else is {@code -2}). The
 * desk's work runs on the bounded-elastic scheduler, off the event loop.
 */
@RestController
class SectigoResellerController {

	static final String API = "sectigo";

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final Set<String> COMMON = Set.of("loginName", "loginPassword", "responseFormat", "test");

	private static final Set<String> DCV_METHODS = Set.of("EMAIL", "HTTP_CSR_HASH", "HTTPS_CSR_HASH",
			"CNAME_CSR_HASH");

	private final OrderDesk desk;

	private final CertificateAuthority authority;

	private final SandboxProperties.Sectigo settings;

	/** Held while checking a uniqueValue and ordering, so that two racing calls cannot both order. */
	private final Object ordering = new Object();

	SectigoResellerController(OrderDesk desk, CertificateAuthority authority, SandboxProperties properties) {
		this.desk = desk;
		this.authority = authority;
		this.settings = properties.sectigo();
	}

	@GetMapping("/products/{*operation}")
	ResponseEntity<String> get(@PathVariable String operation) {
		return text(SectigoReply.error(-17, null, "Request was made using GET; POST is required!").render("0"));
	}

	@PostMapping("/products/{*operation}")
	Mono<ResponseEntity<String>> post(@PathVariable String operation, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> onDesk(() -> {
			String format = form.getFirst("responseFormat");
			try {
				return text(dispatch(operation.startsWith("/") ? operation.substring(1) : operation, form)
					.render(format));
			}
			catch (SectigoRefusal refusal) {
				return text(refusal.reply().render(format));
			}
		}));
	}

	private SectigoReply dispatch(String operation, MultiValueMap<String, String> form) {
		Set<String> allowed = switch (operation) {
			case "!AutoApplySSL" -> Set.of("product", "days", "csr", "serverSoftware", "isCustomerValidated",
					"dcvMethod", "dcvEmailAddress", "domainNames", "uniqueValue", "organizationName",
					"streetAddress1", "localityName", "postalCode", "countryName", "telephoneNumber",
					"emailAddress", "appRepEmailAddress", "appRepForename", "appRepSurname");
			case "download/CollectSSL" -> Set.of("orderNumber", "queryType", "responseType", "showExtStatus");
			case "!ResendDCVEmail" -> Set.of("orderNumber", "dcvEmailAddress", "domainName");
			case "!AutoReplaceSSL" -> Set.of("orderNumber", "csr", "dcvMethod", "dcvEmailAddress", "domainNames");
			case "!AutoRevokeSSL" -> Set.of("orderNumber", "revocationReason");
			case "!GetDCVEmailAddressList" -> Set.of("domainName");
			case "!AutoUpdateDCV" -> Set.of("orderNumber", "domainName", "newMethod", "newDCVEmailAddress");
			default -> null;
		};
		if (allowed == null) {
			throw new SectigoRefusal(-2, null, "Unknown operation: " + operation);
		}
		checkArguments(form, allowed);
		checkLogin(form);
		try {
			return switch (operation) {
				case "!AutoApplySSL" -> apply(form);
				case "download/CollectSSL" -> collect(form);
				case "!ResendDCVEmail" -> resend(form);
				case "!AutoReplaceSSL" -> replace(form);
				case "!AutoRevokeSSL" -> revoke(form);
				case "!AutoUpdateDCV" -> updateDcv(form);
				default -> emailAddresses(required(form, "domainName"));
			};
		}
		catch (InvalidCsrException ex) {
			throw SectigoRefusal.invalid("csr", ex.getMessage());
		}
		catch (UnknownOrderException ex) {
			throw SectigoRefusal.invalid("orderNumber", "No such order.");
		}
	}

	private static void checkArguments(MultiValueMap<String, String> form, Set<String> allowed) {
		for (String name : form.keySet()) {
			if (!COMMON.contains(name) && !allowed.contains(name)) {
				throw new SectigoRefusal(-2, name, "The '" + name + "' argument is not recognised!");
			}
		}
	}

	private void checkLogin(MultiValueMap<String, String> form) {
		String name = required(form, "loginName");
		String password = required(form, "loginPassword");
		boolean nameOk = MessageDigest.isEqual(bytes(name), bytes(this.settings.loginName()));
		boolean passwordOk = MessageDigest.isEqual(bytes(password), bytes(this.settings.loginPassword()));
		if (!nameOk || !passwordOk) {
			throw new SectigoRefusal(-16, null, "Permission denied!");
		}
	}

	private SectigoReply apply(MultiValueMap<String, String> form) {
		SectigoProduct product = SectigoProduct.byCode(required(form, "product"))
			.orElseThrow(() -> SectigoRefusal.invalid("product", "Unknown product."));
		String days = required(form, "days");
		if (!days.equals("365") && !days.equals("730")) {
			throw new SectigoRefusal(-115, "days", "No price is available for that product and term!");
		}
		String csr = required(form, "csr");
		SigningRequest request = SigningRequest.parse(csr);
		List<String> names = new ArrayList<>();
		String commonName = commonNameOf(request);
		if (commonName != null) {
			names.add(commonName);
		}
		String domainNames = form.getFirst("domainNames");
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
		if (!product.multiDomain() && names.stream().map((n) -> n.toLowerCase(Locale.ROOT)).distinct()
			.filter((n) -> !n.equals("www." + names.get(0).toLowerCase(Locale.ROOT))
					&& !n.equals(names.get(0).toLowerCase(Locale.ROOT)))
			.count() > 0) {
			throw SectigoRefusal.invalid("domainNames", "Only a multi-domain product covers several domains.");
		}
		String dcvMethod = (form.getFirst("dcvMethod") != null) ? form.getFirst("dcvMethod") : "EMAIL";
		if (!DCV_METHODS.contains(dcvMethod)) {
			throw SectigoRefusal.invalid("dcvMethod", "Use one of " + DCV_METHODS + ".");
		}
		String approver = form.getFirst("dcvEmailAddress");
		if (dcvMethod.equals("EMAIL") && (approver == null || approver.isBlank())) {
			throw SectigoRefusal.missing("dcvEmailAddress");
		}
		if (product.validation() != ValidationLevel.DV && form.getFirst("organizationName") == null) {
			throw SectigoRefusal.missing("organizationName");
		}
		String uniqueValue = form.getFirst("uniqueValue");
		int years = days.equals("730") ? 2 : 1;
		CaOrder order;
		synchronized (this.ordering) {
			if (uniqueValue != null && !uniqueValue.isBlank()) {
				this.desk.withReference(uniqueValue)
					.stream()
					.filter((existing) -> existing.api().equals(API))
					.findFirst()
					.ifPresent((existing) -> {
						throw new SectigoRefusal(-4, "uniqueValue", "", SectigoReply.error(-4, "uniqueValue",
								"The value of the 'uniqueValue' argument is already in use by order "
										+ existing.id() + "!")
							.add("existingOrderNumber", Long.toString(existing.id())));
					});
			}
			order = this.desk.submit(new NewOrder(API, Integer.toString(product.code()), product.validation(),
					uniqueValue, names.get(0), names, csr, years, dcvMethod,
					(approver != null) ? List.of(approver) : List.of()));
		}
		return SectigoReply.code(0)
			.add("orderNumber", Long.toString(order.id()))
			.add("certificateID", Long.toString(order.certificateId()))
			.add("totalCost", product.totalCost(years))
			.add("expectedDeliveryTime", (product.validation() == ValidationLevel.DV) ? "60" : "172800");
	}

	private SectigoReply collect(MultiValueMap<String, String> form) {
		CaOrder order = this.desk.checkDomainControl(orderNumber(form));
		int queryType = number(form, "queryType", 0, 0, 3);
		int responseType = number(form, "responseType", 3, 0, 5);
		boolean issued = order.status() == OrderStatus.ISSUED;
		boolean attach = issued && queryType > 0;
		SectigoReply reply = SectigoReply.code(attach ? 2 : (issued ? 1 : 0))
			.add("orderNumber", Long.toString(order.id()))
			.add("uniqueValue", order.reference())
			.add("certificateStatus", certificateStatus(order))
			.add("statusCode", Integer.toString(statusCode(order)))
			.add("validationStatus", validationStatus(order));
		if (order.rejectionReason() != null) {
			reply.add("rejectionReason", order.rejectionReason());
		}
		if ("Y".equalsIgnoreCase(form.getFirst("showExtStatus"))) {
			extendedStatus(order, reply);
		}
		if (order.certificate() != null) {
			reply.add("serialNumber", order.certificate().serialNumber())
				.add("notBefore", Long.toString(order.certificate().notBefore().getEpochSecond()))
				.add("notAfter", Long.toString(order.certificate().notAfter().getEpochSecond()));
		}
		if (attach) {
			X509Certificate leaf = CertificateEncodings.readPem(order.certificate().pem());
			List<X509Certificate> chain = this.authority.chain();
			List<X509Certificate> wanted = switch (queryType) {
				case 1 -> List.of(leaf);
				case 2 -> Stream.concat(Stream.of(leaf), chain.stream()).toList();
				default -> chain;
			};
			if (responseType == 2) {
				reply.add("pkcs7", base64(CertificateEncodings.pkcs7(wanted)));
			}
			else {
				int n = 0;
				for (X509Certificate certificate : wanted) {
					if (certificate == leaf) {
						reply.add("certificate", base64(CertificateEncodings.der(certificate)));
					}
					else {
						reply.add("caCertificate" + (++n), base64(CertificateEncodings.der(certificate)));
					}
				}
			}
		}
		return reply;
	}

	/**
	 * The extended status ({@code showExtStatus=Y}): the DCV method and its state, and for OV/EV the
	 * organisation validation and the call-back's state. What to publish for HTTP or CNAME the
	 * reseller computes from its CSR, as Sectigo documents.
	 */
	private static void extendedStatus(CaOrder order, SectigoReply reply) {
		boolean pending = order.status() == OrderStatus.PENDING;
		ValidationStep step = order.step();
		reply.add("dcvMethod", (order.dcvMethod() != null) ? order.dcvMethod() : "EMAIL");
		if (!order.dcvEmails().isEmpty()) {
			reply.add("dcvEmailAddress", order.dcvEmails().get(0));
		}
		reply.add("dcvStatus", (pending && step == ValidationStep.DOMAIN_CONTROL) ? "Awaiting Validation" : "Validated");
		if (order.validation() == ValidationLevel.DV) {
			reply.add("organizationValidationStatus", "Not Applicable").add("ovCallBackStatus", "Not Applicable");
			return;
		}
		String documents = !pending ? ((order.status() == OrderStatus.ISSUED) ? "Validated" : "Not Completed")
				: (step == ValidationStep.DOCUMENTS_REQUESTED) ? "Awaiting Documents"
				: (step == ValidationStep.UNDER_REVIEW) ? "Under Review" : "Documents Received";
		String callBack = !pending ? ((order.status() == OrderStatus.ISSUED) ? "Completed" : "Not Completed")
				: (step == ValidationStep.DOCUMENTS_REQUESTED) ? "Not Started"
				: (step == ValidationStep.VERIFICATION_CALL_PENDING) ? "Pending" : "Completed";
		reply.add("organizationValidationStatus", documents).add("ovCallBackStatus", callBack);
	}

	/** Another DCV method (and approver) for a pending order; {@code domainName}, when given, must be one of its names. */
	private SectigoReply updateDcv(MultiValueMap<String, String> form) {
		long id = orderNumber(form);
		String method = required(form, "newMethod");
		if (!DCV_METHODS.contains(method)) {
			throw SectigoRefusal.invalid("newMethod", "Use one of " + DCV_METHODS + ".");
		}
		String approver = form.getFirst("newDCVEmailAddress");
		if (method.equals("EMAIL") && (approver == null || approver.isBlank())) {
			throw SectigoRefusal.missing("newDCVEmailAddress");
		}
		CaOrder current = this.desk.find(id);
		String domain = form.getFirst("domainName");
		if (domain != null && !domain.isBlank()
				&& current.dnsNames().stream().noneMatch((name) -> name.equalsIgnoreCase(domain.trim()))) {
			throw SectigoRefusal.invalid("domainName", "The order does not cover that domain.");
		}
		try {
			this.desk.changeDcvMethod(id, method, method.equals("EMAIL") ? List.of(approver) : null);
		}
		catch (IllegalTransitionException ex) {
			throw SectigoRefusal.invalid("orderNumber", "The order is not awaiting validation.");
		}
		return SectigoReply.code(0);
	}

	private SectigoReply resend(MultiValueMap<String, String> form) {
		long id = orderNumber(form);
		try {
			this.desk.resendDcvEmail(id);
		}
		catch (IllegalTransitionException ex) {
			throw SectigoRefusal.invalid("orderNumber", "The order is not awaiting validation.");
		}
		return SectigoReply.code(0);
	}

	private SectigoReply replace(MultiValueMap<String, String> form) {
		long id = orderNumber(form);
		String csr = required(form, "csr");
		SigningRequest.parse(csr);
		try {
			CaOrder order = this.desk.reissue(id, csr);
			return SectigoReply.code(0)
				.add("orderNumber", Long.toString(order.id()))
				.add("certificateID", Long.toString(order.certificateId()));
		}
		catch (IllegalTransitionException ex) {
			throw SectigoRefusal.invalid("orderNumber", "The order cannot be replaced: " + ex.getMessage());
		}
	}

	private SectigoReply revoke(MultiValueMap<String, String> form) {
		long id = orderNumber(form);
		CaOrder current = this.desk.find(id);
		if (current.status() == OrderStatus.CANCELED || current.status() == OrderStatus.REVOKED) {
			throw new SectigoRefusal(-20, "orderNumber", "The order has already been cancelled!");
		}
		try {
			CaOrder done = this.desk.cancelOrRevoke(id, form.getFirst("revocationReason"),
					this.settings.refundWindow());
			return SectigoReply.code(0).add("refunded", done.refunded() ? "Y" : "N");
		}
		catch (IllegalTransitionException ex) {
			throw SectigoRefusal.invalid("orderNumber", "The order cannot be revoked: " + ex.getMessage());
		}
	}

	/** The addresses an approval email may go to: WHOIS (none here) and the five level-2 ones. */
	private static SectigoReply emailAddresses(String domain) {
		String base = domain.toLowerCase(Locale.ROOT).replaceFirst("^\\*\\.", "").replaceFirst("^www\\.", "");
		if (!base.matches("[a-z0-9.-]+\\.[a-z]{2,}")) {
			throw SectigoRefusal.invalid("domainName", "Not a domain name.");
		}
		SectigoReply reply = SectigoReply.code(0).line("whois_email\tnone");
		Stream.of("admin", "administrator", "hostmaster", "postmaster", "webmaster")
			.forEach((box) -> reply.line("level2_email\t" + box + "@" + base));
		return reply;
	}

	static String certificateStatus(CaOrder order) {
		return switch (order.status()) {
			case PENDING -> "Awaiting Validation";
			case ISSUED -> "Issued";
			case REJECTED -> "Rejected";
			case CANCELED -> "Cancelled";
			case REVOKED -> "Revoked";
		};
	}

	static int statusCode(CaOrder order) {
		return switch (order.status()) {
			case PENDING -> (order.validation() == ValidationLevel.DV) ? 2 : 12;
			case ISSUED -> 6;
			case REJECTED -> 7;
			case CANCELED, REVOKED -> 8;
		};
	}

	private static String validationStatus(CaOrder order) {
		return switch (order.status()) {
			case PENDING -> "Pending";
			case REJECTED -> "Rejected";
			case CANCELED -> "Cancelled";
			default -> "Validated";
		};
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

	private static long orderNumber(MultiValueMap<String, String> form) {
		String value = required(form, "orderNumber");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw SectigoRefusal.invalid("orderNumber", "Not a number.");
		}
	}

	private static int number(MultiValueMap<String, String> form, String name, int fallback, int min, int max) {
		String value = form.getFirst(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value.trim());
			if (number < min || number > max) {
				throw SectigoRefusal.invalid(name, "Use " + min + " to " + max + ".");
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw SectigoRefusal.invalid(name, "Not a number.");
		}
	}

	private static String required(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		if (value == null || value.isBlank()) {
			throw SectigoRefusal.missing(name);
		}
		return value;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String base64(byte[] der) {
		return Base64.getEncoder().encodeToString(der);
	}

	private static ResponseEntity<String> text(String body) {
		return ResponseEntity.ok().contentType(TEXT).body(body);
	}

	private static <T> Mono<T> onDesk(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
