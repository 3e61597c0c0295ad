package com.rvssl.billing.api;

import com.rvssl.billing.accounts.ResellerRegistration;
import com.rvssl.kit.security.Caller;
import com.rvssl.kit.validation.IsoCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** The operator's side: opening reseller accounts. */
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

	private final ResellerRegistration registration;

	AdminController(ResellerRegistration registration) {
		this.registration = registration;
	}

	/**
	 * Opens an account at zero credit; the API key in the answer is shown this once only.
	 */
	@PostMapping(path = "/resellers", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<NewReseller> register(@Valid @RequestBody ResellerRequest request, ServerWebExchange exchange) {
		if (!Caller.of(exchange).operator()) {
			return Mono.error(new ApiProblems.Forbidden("Only the operator opens reseller accounts."));
		}
		String currency = (request.currency() == null) ? "USD" : request.currency();
		return registration.register(request.name(), currency, request.email())
			.map((registered) -> new NewReseller(registered.account().id(), registered.apiKey(),
					registered.account().name(), registered.account().currency()));
	}

	record ResellerRequest(@NotBlank @Size(max = 200) String name, @IsoCurrency String currency,
			@Email @Size(max = 254) String email) {
	}

	record NewReseller(String resellerId, String apiKey, String name, String currency) {
	}

}
