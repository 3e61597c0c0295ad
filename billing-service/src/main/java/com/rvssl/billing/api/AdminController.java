package com.rvssl.billing.api;

import java.time.Instant;
import java.util.List;

import com.rvssl.billing.accounts.ResellerRegistration;
import com.rvssl.billing.payments.BankTransfers;
import com.rvssl.billing.payments.TopUpState;
import com.rvssl.contracts.Money;
import com.rvssl.kit.security.Caller;
import com.rvssl.kit.validation.IsoCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The operator's side: opening reseller accounts, recording the bank transfers that
 * arrive.
 */
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

	private final ResellerRegistration registration;

	private final BankTransfers bankTransfers;

	AdminController(ResellerRegistration registration, BankTransfers bankTransfers) {
		this.registration = registration;
		this.bankTransfers = bankTransfers;
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

	/**
	 * A bank transfer received for the reseller: credited at once (waiting orders
	 * released oldest first), once per {@code Idempotency-Key}; 201, or 200 for the same
	 * key again.
	 */
	@PostMapping(path = "/resellers/{resellerId}/top-ups", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<BankTransferView>> bankTransfer(
			@PathVariable @Size(max = AccountController.MAX_ID_LENGTH) String resellerId,
			@RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody TopUpRequest request,
			ServerWebExchange exchange) {
		if (!Caller.of(exchange).operator()) {
			return Mono.error(new ApiProblems.Forbidden("Only the operator records bank transfers."));
		}
		if (exchange.getRequest().getHeaders().getOrEmpty("Idempotency-Key").size() > 1) {
			// two keys would be read as one joined by a comma: a new key every time
			return Mono.error(new ApiProblems.BadRequest("Send one Idempotency-Key header."));
		}
		if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
			return Mono.error(new ApiProblems.BadRequest("Idempotency-Key must be 1 to 200 characters."));
		}
		return bankTransfers.record(resellerId, idempotencyKey, request.amount().money(), request.reference())
			.map((recorded) -> ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(BankTransferView.of(recorded)));
	}

	record ResellerRequest(@NotBlank @Size(max = 200) String name, @IsoCurrency String currency,
			@Email @Size(max = 254) String email) {
	}

	/** The top-up as the API shows it, with the credit's effect on the account. */
	record BankTransferView(String id, TopUpState status, Money amount, String reference, Instant createdAt,
			Instant paidAt, Money balanceAfter, List<String> released) {

		static BankTransferView of(BankTransfers.Recorded recorded) {
			TopUpView topUp = TopUpView.of(recorded.topUp());
			return new BankTransferView(topUp.id(), topUp.status(), topUp.amount(), topUp.reference(),
					topUp.createdAt(), topUp.paidAt(), recorded.receipt().balanceAfter(),
					recorded.receipt().released());
		}

	}

	record NewReseller(String resellerId, String apiKey, String name, String currency) {
	}

}
