package com.rvssl.kit.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * The firewall's refusals as problems: Spring Security's {@code WebFilterChainProxy}
 * takes the one {@link ServerExchangeRejectedHandler} bean there is.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(ServerExchangeRejectedHandler.class)
public class RejectedRequestsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServerExchangeRejectedHandler problemExchangeRejectedHandler() {
		return new ProblemExchangeRejectedHandler();
	}

}
