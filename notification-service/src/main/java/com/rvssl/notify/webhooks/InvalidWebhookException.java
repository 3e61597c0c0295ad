package com.rvssl.notify.webhooks;

import java.util.List;

import com.rvssl.kit.problem.InvalidField;

/** A webhook the API refuses (422), with what is wrong field by field. */
public class InvalidWebhookException extends RuntimeException {

	private final List<InvalidField> errors;

	public InvalidWebhookException(List<InvalidField> errors) {
		super("the webhook is not valid: "
				+ String.join("; ", errors.stream().map(error -> error.field() + " " + error.message()).toList()));
		this.errors = List.copyOf(errors);
	}

	public List<InvalidField> errors() {
		return errors;
	}

}
