package com.rvssl.billing.page;

import java.net.URI;
import java.time.Clock;

import com.rvssl.billing.payments.PaymentProperties;
import com.rvssl.kit.security.ApiKeyResolver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

/**
 * The account page's security chain: a session started only by a successful sign-in with
 * the API key (anonymous requests keep nothing on the server), CSRF tokens on every form
 * (a cookie's before sign-in, the session's after: {@link PageCsrfTokens}), sign-in
 * attempts limited per client address ({@link SignInAttemptLimit}), strict security
 * headers. Ordered before the service kit's chains, so it alone decides for the page's
 * paths; every other path goes to the kit's deny-by-default chain (a key everywhere but
 * the page's static files under {@code /page/**}, the payment callback and the probes),
 * stateless, with no CSRF and no headers added.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

	static final String SIGNED_IN_AT = "rvssl.page.signedInAt";

	/**
	 * Same-origin everything, no inline script or style, never framed; forms post here
	 * only, and the top-up form's answer may lead to the payment provider's page (%s).
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self' %s; base-uri 'none'";

	private static final DefaultServerRedirectStrategy SEE_OTHER = new DefaultServerRedirectStrategy();

	static {
		// after a POST the browser must GET the next page
		SEE_OTHER.setHttpStatus(HttpStatus.SEE_OTHER);
	}

	@Bean
	@Order(1)
	SecurityWebFilterChain accountPage(ServerHttpSecurity http, ApiKeyResolver resellers, PageProperties properties,
			PaymentProperties payments, Clock clock,
			@Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie,
			@Value("${server.reactive.session.cookie.secure:true}") boolean secureCookies) {
		ApiKeySignIn signIn = new ApiKeySignIn(resellers);
		// saving a context changes the session's id: a new id at every sign-in
		WebSessionServerSecurityContextRepository contexts = new WebSessionServerSecurityContextRepository();
		PageCsrfTokens csrfTokens = new PageCsrfTokens(secureCookies);
		SignInAttemptLimit attemptLimit = new SignInAttemptLimit(new SignInAttempts(properties.signInAttempts(),
				properties.signInRefill(), properties.signInAddresses()));

		AuthenticationWebFilter signInFilter = new AuthenticationWebFilter(signIn);
		signInFilter
			.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/sign-in"));
		signInFilter.setServerAuthenticationConverter(signIn);
		signInFilter.setSecurityContextRepository(contexts);
		signInFilter.setAuthenticationSuccessHandler(signedIn(csrfTokens, clock));
		signInFilter.setAuthenticationFailureHandler(redirectOnFailure("/sign-in?error=key"));

		return http
			.securityMatcher(
					ServerWebExchangeMatchers.pathMatchers("/", "/sign-in", "/sign-out", "/account", "/account/**"))
			.securityContextRepository(contexts)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/sign-in").permitAll().anyExchange().hasRole("RESELLER"))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(new MaskedCsrfTokens())
				.accessDeniedHandler(formRefused()))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(signInFirst(sessionCookie)))
			.addFilterAt(signInFilter, SecurityWebFiltersOrder.FORM_LOGIN)
			.addFilterBefore(attemptLimit, SecurityWebFiltersOrder.CSRF)
			.addFilterBefore(new SessionLifetime(properties.sessionLifetime(), clock), SecurityWebFiltersOrder.CSRF)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout((logout) -> logout.logoutUrl("/sign-out")
				.logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
						new WebSessionServerLogoutHandler()))
				.logoutSuccessHandler(signedOut()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp
				.policyDirectives(CONTENT_SECURITY_POLICY.formatted(payments.provider().checkoutOrigin()))))
			.build();
	}

	/**
	 * A new sign-in starts with a new CSRF token, kept in the session from now on, and
	 * remembers when it began (for the session's lifetime).
	 */
	private static ServerAuthenticationSuccessHandler signedIn(PageCsrfTokens csrfTokens, Clock clock) {
		return (filterExchange, authentication) -> {
			ServerWebExchange exchange = filterExchange.getExchange();
			return csrfTokens.signedInNow(exchange)
				.then(exchange.getSession())
				.doOnNext((session) -> session.getAttributes().put(SIGNED_IN_AT, clock.instant()))
				.then(SEE_OTHER.sendRedirect(exchange, URI.create("/account")));
		};
	}

	private static ServerAuthenticationFailureHandler redirectOnFailure(String location) {
		return (filterExchange, exception) -> SEE_OTHER.sendRedirect(filterExchange.getExchange(),
				URI.create(location));
	}

	/**
	 * A form without the session's CSRF token changes nothing; the reseller is told so on
	 * the page.
	 */
	private static ServerAccessDeniedHandler formRefused() {
		return (exchange, denied) -> {
			String path = exchange.getRequest().getPath().pathWithinApplication().value();
			String location = path.startsWith("/sign-in") ? "/sign-in?error=form" : "/account?refused=form";
			return SEE_OTHER.sendRedirect(exchange, URI.create(location));
		};
	}

	/**
	 * Not signed in: to the sign-in page, which says the session expired when the browser
	 * still had one.
	 */
	private static ServerAuthenticationEntryPoint signInFirst(String sessionCookie) {
		return (exchange, ex) -> {
			boolean hadSession = exchange.getRequest().getCookies().containsKey(sessionCookie);
			return SEE_OTHER.sendRedirect(exchange, URI.create(hadSession ? "/sign-in?expired" : "/sign-in"));
		};
	}

	private static ServerLogoutSuccessHandler signedOut() {
		return (filterExchange, authentication) -> SEE_OTHER.sendRedirect(filterExchange.getExchange(),
				URI.create("/sign-in?signed-out"));
	}

}
