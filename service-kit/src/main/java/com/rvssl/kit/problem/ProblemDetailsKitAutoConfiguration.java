package com.rvssl.kit.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem details in one shape for every WebFlux service; placed before Boot's WebFlux
 * configuration, whose own problem handler then backs off.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(ResponseEntityExceptionHandler.class)
public class ProblemDetailsKitAutoConfiguration {

	// last among advices: a service's own handlers for its exceptions come first
	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	ProblemDetailsAdvice problemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

}
