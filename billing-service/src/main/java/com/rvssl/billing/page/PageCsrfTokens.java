package com.rvssl.billing.page;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where the page's CSRF tokens are kept: before sign-in in a cookie (Spring Security's
 * double submit: the form's masked token must match the cookie's), so that a stranger's
 * sign-in form keeps nothing on the server and no one can fill the session store by
 * asking for it; once signed in, in the session, as before.
 *
 * <p>
 * The cookie is {@code HttpOnly} (the token reaches the form in the page, never through
 * script), {@code SameSite=Strict}, and, when cookies are secure, named with the
 * {@code __Host-} prefix, which browsers accept only from this host over https with path
 * {@code /}: a sibling subdomain cannot plant a token of its choosing.
 */
final class PageCsrfTokens implements ServerCsrfTokenRepository {

	static final String COOKIE = "rvssl-csrf";

	private final CookieServerCsrfTokenRepository cookie = new CookieServerCsrfTokenRepository();

	private final WebSessionServerCsrfTokenRepository session = new WebSessionServerCsrfTokenRepository();

	PageCsrfTokens(boolean secureCookie) {
		cookie.setCookieName(secureCookie ? "__Host-" + COOKIE : COOKIE);
		cookie.setCookiePath("/");
		cookie.setCookieCustomizer((built) -> built.secure(secureCookie).sameSite("Strict"));
	}

	@Override
	public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
		return signedIn(exchange)
			.flatMap((in) -> in ? session.generateToken(exchange) : cookie.generateToken(exchange));
	}

	@Override
	public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
		return signedIn(exchange)
			.flatMap((in) -> in ? session.saveToken(exchange, token) : cookie.saveToken(exchange, token));
	}

	@Override
	public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
		return signedIn(exchange).flatMap((in) -> in ? session.loadToken(exchange) : cookie.loadToken(exchange));
	}

	/**
	 * A new sign-in: the sign-in form's cookie is dropped, and the session gets its own
	 * token when the next page asks for one.
	 */
	Mono<Void> signedInNow(ServerWebExchange exchange) {
		return cookie.saveToken(exchange, null).then(session.saveToken(exchange, null));
	}

	/**
	 * Signed in: the session holds a security context. Asking for the session creates
	 * none in the store: an unstarted session is never saved.
	 */
	private static Mono<Boolean> signedIn(ServerWebExchange exchange) {
		return exchange.getSession()
			.map((current) -> current.getAttributes()
				.containsKey(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME));
	}

}
