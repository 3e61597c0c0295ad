package com.rvssl.kit.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * API-key authentication on Spring Security for WebFlux. With an {@link ApiKeyResolver}
 * bean, the service's API paths need {@code Authorization: Bearer <key>}: stateless (no
 * session, no CSRF), a 401 problem otherwise, and the {@link Caller} left in the exchange
 * for controllers. Every other path goes through an open chain that adds nothing, so that
 * a chain of the service's own (such as billing's signed-in account page, ordered before
 * these) decides for its paths alone.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(SecurityWebFilterChain.class)
@EnableWebFluxSecurity
@EnableConfigurationProperties(ApiKeySecurityProperties.class)
public class ApiKeySecurityAutoConfiguration {

	/**
	 * Before the open chain, after any chain a service orders first (billing's account
	 * page is 1).
	 */
	public static final int API_CHAIN_ORDER = 100;

	@Bean
	@ConditionalOnBean(ApiKeyResolver.class)
	@ConditionalOnMissingBean
	ApiKeyAuthenticationManager apiKeyAuthenticationManager(ApiKeyResolver resolver,
			ApiKeySecurityProperties properties) {
		return new ApiKeyAuthenticationManager(resolver, properties.operatorKeyHash());
	}

	@Bean
	@Order(API_CHAIN_ORDER)
	@ConditionalOnBean(ApiKeyResolver.class)
	@ConditionalOnMissingBean(name = "apiKeyChain")
	SecurityWebFilterChain apiKeyChain(ServerHttpSecurity http, ApiKeyAuthenticationManager manager,
			ApiKeySecurityProperties properties) {
		ProblemEntryPoint entryPoint = new ProblemEntryPoint();
		AuthenticationWebFilter authentication = new AuthenticationWebFilter(manager);
		authentication.setServerAuthenticationConverter(new BearerApiKeyConverter());
		authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		authentication.setAuthenticationSuccessHandler((filterExchange, authenticated) -> {
			filterExchange.getExchange().getAttributes().put(Caller.ATTRIBUTE, authenticated.getPrincipal());
			return filterExchange.getChain().filter(filterExchange.getExchange());
		});
		authentication.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
		return stateless(http)
			.securityMatcher(ServerWebExchangeMatchers.pathMatchers(properties.apiPaths().toArray(String[]::new)))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ProblemAccessDeniedHandler()))
			.addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
			.build();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@ConditionalOnMissingBean(name = "openChain")
	SecurityWebFilterChain openChain(ServerHttpSecurity http) {
		return stateless(http).authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
	}

	/**
	 * No session, no saved requests, no CSRF (no cookies to forge with), no headers
	 * added.
	 */
	private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
		return http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.headers(ServerHttpSecurity.HeaderSpec::disable);
	}

}
