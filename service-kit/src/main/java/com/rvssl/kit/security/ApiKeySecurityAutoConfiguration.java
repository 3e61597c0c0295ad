package com.rvssl.kit.security;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Deny by default, on Spring Security for WebFlux. Every request first passes the strict
 * firewall, which refuses paths that are not normalized ({@code //}, {@code /./},
 * {@code /../}), path parameters ({@code ;}), encoded slashes, periods and percents, and
 * control characters with a 400 problem ({@code rejected-request}). Then one stateless
 * chain decides on the decoded path, the same path the controllers are routed by:
 * <ul>
 * <li>{@code rvssl.security.internal-paths} ({@code /internal/**}, matched in any case):
 * the service key or the operator's, a reseller's key gets 403;</li>
 * <li>the public paths ({@link ApiKeySecurityProperties#allPublicPaths()}): no key;</li>
 * <li>everything else: a reseller's or the operator's key
 * ({@code Authorization: Bearer <key>}), 401 without one, 403 for the service key.</li>
 * </ul>
 * The {@link Caller} is left in the exchange for controllers. A chain of the service's
 * own ordered before this one (billing's signed-in account page is 1) decides for its
 * paths alone.
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

	/** After any chain a service orders first (billing's account page is 1). */
	public static final int CHAIN_ORDER = 100;

	private static final String[] RESELLER_OR_OPERATOR = { Caller.Role.RESELLER.name(), Caller.Role.OPERATOR.name() };

	private static final String[] SERVICE_OR_OPERATOR = { Caller.Role.SERVICE.name(), Caller.Role.OPERATOR.name() };

	@Bean
	@ConditionalOnMissingBean
	ApiKeyAuthenticationManager apiKeyAuthenticationManager(ObjectProvider<ApiKeyResolver> resolver,
			ApiKeySecurityProperties properties) {
		// a service without resellers (ca-gateway, status-sync) knows the operator and
		// service keys only
		ApiKeyResolver resellers = resolver.getIfAvailable(() -> (hash) -> Mono.empty());
		return new ApiKeyAuthenticationManager(resellers, properties.operatorKeyHash(), properties.serviceKeyHash());
	}

	/**
	 * Spring Security's strict firewall, stated here so that no default can loosen it: it
	 * is what makes every decision below one on a normalized path.
	 */
	@Bean
	@ConditionalOnMissingBean
	ServerWebExchangeFirewall strictFirewall() {
		return new StrictServerWebExchangeFirewall();
	}

	@Bean
	@ConditionalOnMissingBean
	ServerExchangeRejectedHandler rejectedRequestProblem() {
		return new ProblemRejectedHandler();
	}

	@Bean
	@Order(CHAIN_ORDER)
	@ConditionalOnMissingBean(name = "denyByDefaultChain")
	SecurityWebFilterChain denyByDefaultChain(ServerHttpSecurity http, ApiKeyAuthenticationManager manager,
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
			.authorizeExchange((exchanges) -> exchanges.matchers(anyCase(properties.internalPaths()))
				.hasAnyRole(SERVICE_OR_OPERATOR)
				.matchers(exactly(properties.allPublicPaths()))
				.permitAll()
				.anyExchange()
				.hasAnyRole(RESELLER_OR_OPERATOR))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ProblemAccessDeniedHandler()))
			.addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
			.build();
	}

	/**
	 * Restricted paths match in any case, so that {@code /INTERNAL/...} is no way around
	 * them.
	 */
	private static ServerWebExchangeMatcher anyCase(List<String> patterns) {
		PathPatternParser parser = new PathPatternParser();
		parser.setCaseSensitive(false);
		return matcher(parser, patterns);
	}

	/**
	 * Public paths match exactly as the controllers are routed (case-sensitive, on the
	 * decoded path without parameters), so a path is public only if it reaches the public
	 * route.
	 */
	private static ServerWebExchangeMatcher exactly(List<String> patterns) {
		return matcher(PathPatternParser.defaultInstance, patterns);
	}

	private static ServerWebExchangeMatcher matcher(PathPatternParser parser, List<String> patterns) {
		List<ServerWebExchangeMatcher> matchers = patterns.stream()
			.map((pattern) -> (ServerWebExchangeMatcher) new PathPatternParserServerWebExchangeMatcher(
					parser.parse(parser.initFullPathPattern(pattern))))
			.toList();
		return matchers.isEmpty() ? (exchange) -> ServerWebExchangeMatcher.MatchResult.notMatch()
				: new OrServerWebExchangeMatcher(matchers);
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
