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
import com.rvssl.sandbox.orders.UnknownOrderException;

/**
 * The Sectigo-style reseller API. Every operation is one POST of form fields under
 * {@code /products/}, handed to the {@link SectigoOperation} of that name once its
 * arguments and the login are accepted; every answer, a refusal included, is a 200 in
 * plain text. The desk's work runs on the bounded-elastic scheduler, off the event loop.
 */
@RestController
class SectigoResellerController {

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final Map<String, SectigoOperation> operations;

	private final SectigoLogin login;

	SectigoResellerController(List<SectigoOperations> families, SectigoLogin login) {
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
	 */
	private SectigoReply dispatch(String name, SectigoForm form) {
		SectigoOperation operation = this.operations.get(name);
		if (operation == null) {
			throw new SectigoRefusal(-2, null, "Unknown operation: " + name);
		}
		operation.checkArguments(form);
		this.login.check(form);
		try {
			return operation.run(form);
		}
		catch (InvalidCsrException ex) {
			throw SectigoRefusal.invalid("csr", ex.getMessage());
		}
		catch (UnknownOrderException ex) {
			throw SectigoRefusal.invalid("orderNumber", "No such order.");
		}
	}

	private static ResponseEntity<String> text(String body) {
		return ResponseEntity.ok().contentType(TEXT).body(body);
	}

	private static <T> Mono<T> onDesk(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
