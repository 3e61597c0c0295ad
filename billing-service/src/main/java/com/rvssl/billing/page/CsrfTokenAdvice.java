package com.rvssl.billing.page;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts the session's CSRF token into every page's model as {@code _csrf}, so each form
 * carries it in a hidden field. Spring Security hands it over lazily, as a {@code Mono}
 * in the exchange.
 */
@ControllerAdvice(basePackageClasses = CsrfTokenAdvice.class)
class CsrfTokenAdvice {

	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token != null) ? token : Mono.empty();
	}

}
