package com.rvssl.kit.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The platform's one problem shape (RFC 9457): {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance} and always an {@code errors} array of
 * {@link InvalidField}s (empty when the problem is not about fields), so that clients
 * read every refusal the same way.
 */
public final class Problems {

	/** Where the platform's problem types live; a type is this plus a short slug. */
	public static final String TYPE_BASE = "https://rvssl.example/problems/";

	public static final String ERRORS = "errors";

	private Problems() {
	}

	/**
	 * A problem of the platform's own type {@code TYPE_BASE + type}, with no field
	 * errors.
	 */
	public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		problem.setProperty(ERRORS, List.of());
		return problem;
	}

	/** The same problem naming the fields that are wrong. */
	public static ProblemDetail withErrors(ProblemDetail problem, List<InvalidField> errors) {
		problem.setProperty(ERRORS, List.copyOf(errors));
		return problem;
	}

	/**
	 * Adds the empty {@code errors} array to a problem made elsewhere (Spring's own), if
	 * it has none.
	 */
	static ProblemDetail completed(ProblemDetail problem) {
		if (problem.getProperties() == null || !problem.getProperties().containsKey(ERRORS)) {
			problem.setProperty(ERRORS, List.of());
		}
		return problem;
	}

	/**
	 * The JSON members of a problem, as the web stack writes them (its properties beside
	 * the standard ones).
	 */
	static Map<String, Object> members(ProblemDetail problem) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", problem.getType().toString());
		members.put("title", problem.getTitle());
		members.put("status", problem.getStatus());
		members.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			members.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			members.putAll(problem.getProperties());
		}
		return members;
	}

}
