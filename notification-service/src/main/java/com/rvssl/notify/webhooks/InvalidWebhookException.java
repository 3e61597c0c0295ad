package com.rvssl.notify.webhooks;

import java.util.List;

/** A webhook the API refuses (422), with what is wrong field by field. */
public class InvalidWebhookException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidWebhookException(List<FieldError> errors) {
		super("the webhook is not valid");
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

	public record FieldError(String field, String message) {
	}

}
