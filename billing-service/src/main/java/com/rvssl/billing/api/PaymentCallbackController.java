package com.rvssl.billing.api;

import com.rvssl.billing.payments.CallbackSignature;
import com.rvssl.billing.payments.PaymentConfirmations;
import com.rvssl.billing.payments.PaymentNotice;
import com.rvssl.billing.payments.TopUpState;
import com.rvssl.contracts.Money;
import com.rvssl.kit.validation.IsoCurrencyValidator;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment provider's callback: public (no API key; outside {@code /api}), so it
 * trusts nothing it is sent until the signature over the raw body checks out
 * ({@link CallbackSignature}); only then is the body read. A refusal is a 4xx problem and
 * changes nothing; the provider sends a refused callback again, a few times.
 */
@RestController
class PaymentCallbackController {

	static final String PATH = "/payments/callback";

	static final String SUCCEEDED = "payment.succeeded";

	static final String FAILED = "payment.failed";

	private final CallbackSignature signature;

	private final PaymentConfirmations confirmations;

	private final JsonMapper json;

	PaymentCallbackController(CallbackSignature signature, PaymentConfirmations confirmations, JsonMapper json) {
		this.signature = signature;
		this.confirmations = confirmations;
		this.json = json;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<Acknowledged> callback(@RequestHeader(name = CallbackSignature.HEADER, required = false) String header,
			@RequestBody byte[] body) {
		signature.verify(header, body);
		Event event = read(body);
		if (!SUCCEEDED.equals(event.type()) && !FAILED.equals(event.type())) {
			// signed but of no concern to billing: acknowledged, so the provider stops
			return Mono.just(new Acknowledged(event.type(), null, null));
		}
		PaymentNotice notice = new PaymentNotice(event.paymentId(), event.reference(), event.amount().money(),
				SUCCEEDED.equals(event.type()));
		return confirmations.handle(notice)
			.map((topUp) -> new Acknowledged(event.type(), topUp.id(), topUp.state().shown()));
	}

	private Event read(byte[] body) {
		Event event;
		try {
			event = json.readValue(body, Event.class);
		}
		catch (JacksonException ex) {
			throw new ApiProblems.BadRequest(
					"The callback's body is not the expected JSON: " + ex.getOriginalMessage());
		}
		if (event == null || event.type() == null) {
			throw new ApiProblems.BadRequest("The callback has no type.");
		}
		if ((SUCCEEDED.equals(event.type()) || FAILED.equals(event.type()))
				&& (isBlank(event.paymentId()) || isBlank(event.reference()) || event.amount() == null
						|| event.amount().amount() == null || event.amount().currency() == null
						|| !IsoCurrencyValidator.isIsoCurrency(event.amount().currency()))) {
			throw new ApiProblems.BadRequest("The callback needs paymentId, reference and amount {amount, currency}.");
		}
		return event;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	/** The provider's event, as signed. */
	record Event(String type, String paymentId, String reference, Amount amount) {
	}

	record Amount(Long amount, String currency) {

		Money money() {
			return Money.of(amount, currency);
		}

	}

	/** What billing made of the callback. */
	record Acknowledged(String type, String topUpId, TopUpState status) {
	}

}
