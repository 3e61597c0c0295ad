package com.rvssl.billing.page;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

/**
 * The way in: the sign-in form, which {@link PageSecurity} handles when it is sent, and
 * the site's root, which leads to the account page (and so to the form when no one is
 * signed in).
 */
@Controller
class SignInPageController {

	@GetMapping("/")
	Mono<ResponseEntity<Void>> home() {
		return Mono.just(SeeOther.account());
	}

	/**
	 * The form; also the answer to a sign-in over the address's limit (see
	 * {@link SignInAttemptLimit}): the same page with 429, {@code Retry-After} and a
	 * notice saying when to try again.
	 */
	@GetMapping("/sign-in")
	Rendering signIn(@RequestParam Map<String, String> params,
			@RequestAttribute(name = SignInAttemptLimit.RETRY_AFTER, required = false) Long retryAfter) {
		if (retryAfter != null) {
			return Rendering.view("sign-in")
				.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
				.modelAttribute("notice", Notice.tooManySignIns(retryAfter))
				.build();
		}
		return Rendering.view("sign-in").modelAttribute("notice", Notice.forSignIn(params)).build();
	}

}
