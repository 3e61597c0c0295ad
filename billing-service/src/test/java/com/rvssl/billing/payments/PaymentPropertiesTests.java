package com.rvssl.billing.payments;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing refuses to start without the payment provider's secrets, saying which setting
 * is missing: no default secret anyone could read in the repository signs a callback.
 */
class PaymentPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(WithPaymentProperties.class)
		.withPropertyValues("rvssl.payments.provider.base-url=https://payments.example/v1",
				"rvssl.payments.provider.api-key=key");

	@Test
	void withoutAWebhookSecretBillingDoesNotStartAndSaysWhatToSet() {
		context.run((started) -> assertThat(started).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("rvssl.payments.webhook-secret"));
	}

	@Test
	void aShortWebhookSecretIsRefused() {
		context.withPropertyValues("rvssl.payments.webhook-secret=short")
			.run((started) -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("at least 16 characters"));
	}

	@Test
	void withoutTheProvidersKeyBillingDoesNotStart() {
		new ApplicationContextRunner().withUserConfiguration(WithPaymentProperties.class)
			.withPropertyValues("rvssl.payments.webhook-secret=a-secret-of-enough-length",
					"rvssl.payments.provider.base-url=https://payments.example/v1")
			.run((started) -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("rvssl.payments.provider.api-key"));
	}

	@Test
	void withItsSecretsSetTheDefaultsHold() {
		context.withPropertyValues("rvssl.payments.webhook-secret=a-secret-of-enough-length").run((started) -> {
			PaymentProperties properties = started.getBean(PaymentProperties.class);
			assertThat(properties.signatureTolerance()).hasMinutes(5);
			assertThat(properties.expireAfter()).hasHours(24);
			assertThat(properties.provider().checkoutOrigin()).isEqualTo("https://payments.example");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PaymentProperties.class)
	static class WithPaymentProperties {

	}

}
