package com.rvssl.billing.page;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
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

	@GetMapping("/sign-in")
	Rendering signIn(@RequestParam Map<String, String> params) {
		return Rendering.view("sign-in").modelAttribute("notice", Notice.forSignIn(params)).build();
	}

}
