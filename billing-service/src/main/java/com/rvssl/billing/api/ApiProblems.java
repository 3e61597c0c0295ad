package com.rvssl.billing.api;

/**
 * The API's own client errors, each turned into a problem+json response by
 * {@link ProblemAdvice}.
 */
final class ApiProblems {

	private ApiProblems() {
	}

	static class BadRequest extends RuntimeException {

		BadRequest(String detail) {
			super(detail);
		}

	}

	static class NotFound extends RuntimeException {

		NotFound(String detail) {
			super(detail);
		}

	}

	static class Forbidden extends RuntimeException {

		Forbidden(String detail) {
			super(detail);
		}

	}

}
