package com.rvssl.order.api;

import java.util.List;

import com.rvssl.kit.problem.InvalidField;

import org.springframework.http.HttpStatus;

/**
 * A request refused before any state change: 400 when it cannot be read (bad JSON, wrong
 * types, missing fields, unreadable CSR, a private key), 422 when it reads fine but
 * cannot be sold (unknown product, term, domains, weak key, CSR names).
 */
public class InvalidRequestException extends RuntimeException {

	private final HttpStatus status;

	private final List<InvalidField> errors;

	public InvalidRequestException(HttpStatus status, String detail, List<InvalidField> errors) {
		super(detail);
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	public static InvalidRequestException unreadable(String field, String message) {
		return new InvalidRequestException(HttpStatus.BAD_REQUEST, message, List.of(new InvalidField(field, message)));
	}

	public HttpStatus status() {
		return status;
	}

	public List<InvalidField> errors() {
		return errors;
	}

}
