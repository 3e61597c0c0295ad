package com.rvssl.kit.security;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that needs a key hash and has none refuses to start, saying which setting is
 * missing; nothing falls back to a development key.
 */
class KeyRequirementTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(WithProperties.class);

	@Test
	void aServiceThatNeedsTheOperatorKeyDoesNotStartWithoutIt() {
		context.withPropertyValues("rvssl.security.operator-key-required=true")
			.run((started) -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("rvssl.security.operator-key-hash is not set")
				.hasMessageContaining("RVSSL_SECURITY_OPERATOR_KEY_HASH"));
	}

	@Test
	void aServiceThatNeedsTheServiceKeyDoesNotStartWithoutIt() {
		context.withPropertyValues("rvssl.security.service-key-required=true", "rvssl.security.service-key-hash= ")
			.run((started) -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("rvssl.security.service-key-hash is not set"));
	}

	@Test
	void aKeyInsteadOfItsHashIsRefused() {
		context.withPropertyValues("rvssl.security.operator-key-hash=rvssl-dev-operator-key")
			.run((started) -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("not a SHA-256 hex"));
	}

	@Test
	void withTheHashesSetTheServiceStarts() {
		context
			.withPropertyValues("rvssl.security.operator-key-required=true",
					"rvssl.security.operator-key-hash=" + ApiKeys.hash("op"))
			.run((started) -> assertThat(started).hasNotFailed()
				.getBean(ApiKeySecurityProperties.class)
				.extracting(ApiKeySecurityProperties::allPublicPaths)
				.asInstanceOf(InstanceOfAssertFactories.LIST)
				.contains("/actuator/health/**"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ApiKeySecurityProperties.class)
	static class WithProperties {

	}

}
