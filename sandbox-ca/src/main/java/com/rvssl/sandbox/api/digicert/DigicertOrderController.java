package com.rvssl.sandbox.api.digicert;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.rvssl.sandbox.authority.CertificateAuthority;
import com.rvssl.sandbox.calls.CallLog;
import com.rvssl.sandbox.authority.CertificateEncodings;
import com.rvssl.sandbox.authority.SigningRequest;
import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.NewOrder;
import com.rvssl.sandbox.orders.OrderDesk;
import com.rvssl.sandbox.orders.OrderStatus;
import com.rvssl.sandbox.orders.UnknownOrderException;

/**
 * The DigiCert-style order endpoints, each for the caller's account (its key, see
 * {@link DigicertGate}): an order placed with one key is not found, listed, read,
 * downloaded, cancelled or reissued with another. The desk's work (signing, saving the
 * order book) runs on the bounded-elastic scheduler, off the event loop.
 */
@RestController
@RequestMapping(DigicertGate.BASE_PATH)
class DigicertOrderController {

	static final String API = "digicert";

	private static final java.util.Set<String> DCV_METHODS = java.util.Set.of("email", "dns-txt-token",
			"dns-cname-token", "http-token");

	private static final MediaType PKCS7 = MediaType.parseMediaType("application/x-pkcs7-certificates");

	private static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");

	private final OrderDesk desk;

	private final CertificateAuthority authority;

	private final Clock clock;

	private final CallLog calls;

	DigicertOrderController(OrderDesk desk, CertificateAuthority authority, Clock clock, CallLog calls) {
		this.desk = desk;
		this.authority = authority;
		this.clock = clock;
		this.calls = calls;
	}

	@PostMapping("/order/certificate/{productNameId}")
	Mono<ResponseEntity<OrderCreated>> order(@PathVariable String productNameId, @RequestBody OrderRequest body,
			@RequestAttribute(DigicertGate.ACCOUNT) String account) {
		return onDesk(() -> {
			CaOrder order;
			try {
				order = place(productNameId, body, account);
			}
			catch (RuntimeException ex) {
				this.calls.count(API, "place", null);
				throw ex;
			}
			this.calls.count(API, "place", order.id());
			return ResponseEntity.status(HttpStatus.CREATED).body(OrderCreated.of(order));
		});
	}

	private CaOrder place(String productNameId, OrderRequest body, String account) {
		DigicertProduct product = DigicertProduct.byNameId(productNameId)
			.orElseThrow(() -> new DigicertException(HttpStatus.BAD_REQUEST, "invalid_product",
					"Unknown product: " + productNameId));
		OrderRequest.Certificate certificate = body.certificate();
		if (certificate == null || isBlank(certificate.commonName()) || isBlank(certificate.csr())) {
			throw new DigicertException(HttpStatus.BAD_REQUEST, "bad_request_format",
					"certificate.common_name and certificate.csr are required.");
		}
		SigningRequest.parse(certificate.csr());
		int years = (body.orderValidity() != null && body.orderValidity().years() != null)
				? body.orderValidity().years() : 1;
		if (years < 1 || years > 6) {
			throw new DigicertException(HttpStatus.BAD_REQUEST, "invalid_order_validity",
					"order_validity.years must be between 1 and 6.");
		}
		return this.desk.submit(new NewOrder(API, product.nameId(), product.validation(), body.comments(),
				certificate.commonName().trim(), (certificate.dnsNames() != null) ? certificate.dnsNames() : List.of(),
				certificate.csr(), years, (body.dcvMethod() != null) ? body.dcvMethod() : "email", body.dcvEmails(),
				account));
	}

	@GetMapping("/order/certificate/{orderId}")
	Mono<OrderDetails> order(@PathVariable String orderId, @RequestAttribute(DigicertGate.ACCOUNT) String account) {
		return onDesk(
				() -> OrderDetails.of(this.desk.checkDomainControl(owned("status", orderId, account)), this.clock));
	}

	/**
	 * Checks the order's HTTP or DNS token now: issued once every domain shows it, else
	 * 400 {@code file_random_value_not_found} (HTTP) or {@code invalid_dns_txt} /
	 * {@code invalid_dns_cname} (DNS).
	 */
	@PutMapping("/order/certificate/{orderId}/check-dcv")
	Mono<DcvChecked> checkDcv(@PathVariable String orderId, @RequestAttribute(DigicertGate.ACCOUNT) String account) {
		return onDesk(() -> {
			CaOrder order = this.desk.checkDomainControl(owned("check-dcv", orderId, account));
			if (order.status() == OrderStatus.ISSUED) {
				return new DcvChecked(order.status().apiValue(), order.certificateId(), "complete");
			}
			if (order.status() != OrderStatus.PENDING) {
				throw new DigicertException(HttpStatus.BAD_REQUEST, "invalid_order_status",
						"The order is " + order.status().apiValue() + ".");
			}
			String method = (order.dcvMethod() != null) ? order.dcvMethod() : "email";
			throw switch (method) {
				case "http-token" -> new DigicertException(HttpStatus.BAD_REQUEST, "file_random_value_not_found",
						"The random value was not found at /.well-known/pki-validation/fileauth.txt.");
				case "dns-txt-token" -> new DigicertException(HttpStatus.BAD_REQUEST, "invalid_dns_txt",
						"The DNS TXT record with the random value was not found.");
				case "dns-cname-token" -> new DigicertException(HttpStatus.BAD_REQUEST, "invalid_dns_cname",
						"The DNS CNAME record for the random value was not found.");
				default -> new DigicertException(HttpStatus.BAD_REQUEST, "invalid_dcv_method",
						"The order is validated by " + method + "; there is nothing to check.");
			};
		});
	}

	/**
	 * Another DCV method for the pending order; the reply carries the token to publish.
	 */
	@PutMapping("/order/certificate/{orderId}/dcv-method")
	Mono<DcvMethodChanged> changeDcvMethod(@PathVariable String orderId,
			@RequestAttribute(DigicertGate.ACCOUNT) String account, @RequestBody DcvMethodChange body) {
		return onDesk(() -> {
			long id = owned("change-dcv", orderId, account);
			if (body.dcvMethod() == null || !DCV_METHODS.contains(body.dcvMethod())) {
				throw new DigicertException(HttpStatus.BAD_REQUEST, "invalid_dcv_method",
						"dcv_method must be one of " + DCV_METHODS + ".");
			}
			CaOrder current = this.desk.find(id);
			if (current.status() != OrderStatus.PENDING) {
				throw new DigicertException(HttpStatus.BAD_REQUEST, "invalid_order_status",
						"The DCV method of a " + current.status().apiValue() + " order cannot change.");
			}
			CaOrder order = this.desk.changeDcvMethod(id, body.dcvMethod(), body.dcvEmails());
			return new DcvMethodChanged(order.dcvMethod(),
					"email".equals(order.dcvMethod()) ? null : order.dcvRandomValue());
		});
	}

	@GetMapping("/order/certificate")
	Mono<OrderList> orders(@RequestParam(name = "filters[search]", required = false) String search,
			@RequestParam(defaultValue = "1000") int limit, @RequestParam(defaultValue = "0") int offset,
			@RequestAttribute(DigicertGate.ACCOUNT) String account) {
		return onDesk(() -> OrderList.of(listed(search, account), Math.max(1, limit), Math.max(0, offset)));
	}

	@PutMapping("/order/certificate/{orderId}/status")
	Mono<ResponseEntity<Void>> changeStatus(@PathVariable String orderId,
			@RequestAttribute(DigicertGate.ACCOUNT) String account, @RequestBody StatusChange body) {
		return onDesk(() -> {
			long id = owned("cancel", orderId, account);
			if (!"canceled".equals(body.status())) {
				throw new DigicertException(HttpStatus.BAD_REQUEST, "invalid_status",
						"Only the status 'canceled' can be set.");
			}
			this.desk.cancel(id, body.note());
			return ResponseEntity.noContent().build();
		});
	}

	/**
	 * A new CSR for the order; the sandbox signs an issued order's new certificate at
	 * once.
	 */
	@PostMapping("/order/certificate/{orderId}/reissue")
	Mono<ResponseEntity<OrderCreated.Reissued>> reissue(@PathVariable String orderId,
			@RequestAttribute(DigicertGate.ACCOUNT) String account, @RequestBody OrderRequest body) {
		return onDesk(() -> {
			long id = owned("reissue", orderId, account);
			OrderRequest.Certificate certificate = body.certificate();
			if (certificate == null || isBlank(certificate.csr())) {
				throw new DigicertException(HttpStatus.BAD_REQUEST, "bad_request_format",
						"certificate.csr is required.");
			}
			SigningRequest.parse(certificate.csr());
			CaOrder order = this.desk.reissue(id, certificate.csr());
			return ResponseEntity.status(HttpStatus.CREATED).body(OrderCreated.Reissued.of(order));
		});
	}

	@PutMapping("/order/certificate/{orderId}/send-dcv-email")
	Mono<ResponseEntity<Void>> resendDcvEmail(@PathVariable String orderId,
			@RequestAttribute(DigicertGate.ACCOUNT) String account) {
		return onDesk(() -> {
			this.desk.resendDcvEmail(owned("resend-dcv-email", orderId, account));
			return ResponseEntity.noContent().build();
		});
	}

	@GetMapping("/certificate/download/order/{orderId}/format/{format}")
	Mono<ResponseEntity<byte[]>> download(@PathVariable String orderId,
			@RequestAttribute(DigicertGate.ACCOUNT) String account, @PathVariable String format) {
		return onDesk(() -> {
			CaOrder order = this.desk.find(owned("download", orderId, account));
			// a reissue waiting for validation still has its last certificate, valid
			// meanwhile
			if (order.status() != OrderStatus.ISSUED && !order.reissuing()) {
				throw new DigicertException(HttpStatus.BAD_REQUEST, "cert_unavailable_for_download",
						"The certificate of order " + order.id() + " is not available: the order is "
								+ order.status().apiValue() + ".");
			}
			X509Certificate leaf = CertificateEncodings.readPem(order.certificate().pem());
			List<X509Certificate> chain = new ArrayList<>();
			chain.add(leaf);
			chain.addAll(this.authority.chain());
			return switch (format) {
				case "pem_all" -> text(CertificateEncodings.pem(chain));
				case "default_pem" -> text(CertificateEncodings.pem(leaf));
				case "p7b" -> ResponseEntity.ok().contentType(PKCS7).body(CertificateEncodings.pkcs7(chain));
				case "cer" -> ResponseEntity.ok().contentType(PKIX_CERT).body(CertificateEncodings.der(leaf));
				default -> throw new DigicertException(HttpStatus.BAD_REQUEST, "invalid_format",
						"Unknown format: " + format + " (pem_all, default_pem, p7b, cer).");
			};
		});
	}

	/** The reply of check-dcv when every domain is validated. */
	record DcvChecked(@com.fasterxml.jackson.annotation.JsonProperty("order_status") String orderStatus,
			@com.fasterxml.jackson.annotation.JsonProperty("certificate_id") long certificateId,
			@com.fasterxml.jackson.annotation.JsonProperty("dcv_status") String dcvStatus) {
	}

	/** The body of a DCV method change. */
	@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
	record DcvMethodChange(@com.fasterxml.jackson.annotation.JsonProperty("dcv_method") String dcvMethod,
			@com.fasterxml.jackson.annotation.JsonProperty("dcv_emails") List<String> dcvEmails) {
	}

	/** The reply of a DCV method change: the token to publish for the token methods. */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record DcvMethodChanged(@com.fasterxml.jackson.annotation.JsonProperty("dcv_method") String dcvMethod,
			@com.fasterxml.jackson.annotation.JsonProperty("dcv_random_value") String dcvRandomValue) {
	}

	private static ResponseEntity<byte[]> text(String pem) {
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(pem.getBytes(StandardCharsets.US_ASCII));
	}

	/** The caller's account's orders the search finds, and no other account's. */
	private java.util.List<CaOrder> listed(String search, String account) {
		this.calls.count(API, "list", null);
		return this.desk.search(search).stream().filter((order) -> account.equals(order.account())).toList();
	}

	/**
	 * The order's number, the call counted against it (or against none, if no number).
	 * Another account's order is unknown to the caller: 404 {@code not_found|order}, as
	 * for an order that does not exist, counted against none.
	 */
	private long owned(String operation, String orderId, String account) {
		long id;
		try {
			id = orderNumber(orderId);
			if (this.desk.accountOf(id).filter((owner) -> !owner.equals(account)).isPresent()) {
				throw new UnknownOrderException(id);
			}
		}
		catch (UnknownOrderException ex) {
			this.calls.count(API, operation, null);
			throw ex;
		}
		this.calls.count(API, operation, id);
		return id;
	}

	private static long orderNumber(String orderId) {
		try {
			return Long.parseLong(orderId);
		}
		catch (NumberFormatException ex) {
			throw new UnknownOrderException(-1);
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static <T> Mono<T> onDesk(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
