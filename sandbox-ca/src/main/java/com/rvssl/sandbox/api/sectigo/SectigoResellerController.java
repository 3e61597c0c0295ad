package com.rvssl.sandbox.api.sectigo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.rvssl.sandbox.authority.InvalidCsrException;
import com.rvssl.sandbox.calls.CallLog;
import com.rvssl.sandbox.orders.OrderDesk;
import com.rvssl.sandbox.orders.UnknownOrderException;

/**
 * The Sectigo-style reseller API. Every operation is one POST of form fields under
 * {@code /products/}, handed to the {@link SectigoOperation} of that name once its
 * arguments and the login are accepted, for that login's account only (each login sees
 * only its own orders); every answer, a refusal included, is a 200 in plain text. The
 * desk's work runs on the bounded-elastic scheduler, off the event loop.
 */
@RestController
class SectigoResellerController {

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final Map<String, SectigoOperation> operations;

	/** The operations in the words the call counts use for both APIs. */
	private static final Map<String, String> COUNTED_AS = Map.of("!AutoApplySSL", "place", "!AutoReplaceSSL", "reissue",
			"!AutoRevokeSSL", "revoke", "!ResendDCVEmail", "resend-dcv-email", "!AutoUpdateDCV", "change-dcv",
			"!GetDCVEmailAddressList", "dcv-emails");

	private final SectigoLogin login;

	private final OrderDesk desk;

	private final CallLog calls;

	SectigoResellerController(List<SectigoOperations> families, SectigoLogin login, OrderDesk desk, CallLog calls) {
		this.calls = calls;
		this.desk = desk;
		this.operations = families.stream()
			.flatMap((family) -> family.operations().stream())
			.collect(Collectors.toUnmodifiableMap(SectigoOperation::name, Function.identity()));
		this.login = login;
	}

	@GetMapping("/products/{*operation}")
	ResponseEntity<String> get(@PathVariable String operation) {
		return text(SectigoReply.error(-17, null, "Request was made using GET; POST is required!").render("0"));
	}

	@PostMapping("/products/{*operation}")
	Mono<ResponseEntity<String>> post(@PathVariable String operation, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((fields) -> onDesk(() -> {
			String format = fields.getFirst("responseFormat");
			try {
				return text(dispatch(operation.startsWith("/") ? operation.substring(1) : operation,
						new SectigoForm(fields))
					.render(format));
			}
			catch (SectigoRefusal refusal) {
				return text(refusal.reply().render(format));
			}
		}));
	}

	/**
	 * An unknown operation is {@code -2}; then its arguments are checked, then the login.
	 * An order of another account is unknown to the caller: {@code -4} on
	 * {@code orderNumber}, as for an order that does not exist.
	 */
	private SectigoReply dispatch(String name, SectigoForm form) {
		SectigoReply reply = null;
		try {
			reply = serve(name, form);
			return reply;
		}
		finally {
			count(name, form, reply);
		}
	}

	/**
	 * Counted against the order it names, or (ordering) the order it placed.
	 * {@code CollectSSL} is a {@code status} call when it asks for the status only, a
	 * {@code download} when it asks for the certificate too.
	 */
	private void count(String name, SectigoForm form, SectigoReply reply) {
		String operation = name.equals("download/CollectSSL") ? (isZero(form.get("queryType")) ? "status" : "download")
				: COUNTED_AS.getOrDefault(name, name);
		String number = (reply != null && reply.get("orderNumber") != null) ? reply.get("orderNumber")
				: form.get("orderNumber");
		Long orderId = null;
		try {
			orderId = (number != null) ? Long.valueOf(number.trim()) : null;
		}
		catch (NumberFormatException ex) {
			// counted against no order
		}
		if (orderId != null && form.account() != null && !ownOrUnknown(orderId, form.account())) {
			// another account's order, unknown to the caller: counted against none
			orderId = null;
		}
		this.calls.count(SectigoOrdering.API, operation, orderId);
	}

	private static boolean isZero(String queryType) {
		return queryType == null || queryType.isBlank() || queryType.trim().equals("0");
	}

	private SectigoReply serve(String name, SectigoForm form) {
		SectigoOperation operation = this.operations.get(name);
		if (operation == null) {
			throw new SectigoRefusal(-2, null, "Unknown operation: " + name);
		}
		operation.checkArguments(form);
		form.account(this.login.check(form));
		try {
			requireOwnOrder(form);
			return operation.run(form);
		}
		catch (InvalidCsrException ex) {
			throw SectigoRefusal.invalid("csr", ex.getMessage());
		}
		catch (UnknownOrderException ex) {
			throw SectigoRefusal.invalid("orderNumber", "No such order.");
		}
	}

	/**
	 * The order the call names, if any, must be the caller's account's; a number that is
	 * not one, or no such order, is left to the operation (which refuses it as before).
	 */
	private void requireOwnOrder(SectigoForm form) {
		String number = form.get("orderNumber");
		if (number == null || number.isBlank()) {
			return;
		}
		long id;
		try {
			id = Long.parseLong(number);
		}
		catch (NumberFormatException ex) {
			return;
		}
		if (!ownOrUnknown(id, form.account())) {
			throw new UnknownOrderException(id);
		}
	}

	private boolean ownOrUnknown(long id, String account) {
		return this.desk.accountOf(id).map((owner) -> owner.equals(account)).orElse(true);
	}

	private static ResponseEntity<String> text(String body) {
		return ResponseEntity.ok().contentType(TEXT).body(body);
	}

	private static <T> Mono<T> onDesk(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
