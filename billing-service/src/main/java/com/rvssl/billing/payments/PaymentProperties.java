package com.rvssl.billing.payments;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The payment provider's settings ({@code rvssl.payments.*}). The secrets have no
 * default: billing refuses to start without them, rather than accept callbacks signed
 * with a key everyone can read in the repository.
 *
 * @param webhookSecret the secret the provider signs its callbacks with
 * @param signatureTolerance how far a callback's signed time may be from billing's clock
 * (older ones are replays)
 * @param expireAfter how long a payment may stay unpaid before its top-up expires
 * @param sweepInterval how often expired payments and interrupted credits are looked for
 * @param provider where and how billing asks for payments
 */
@Validated
@ConfigurationProperties("rvssl.payments")
public record PaymentProperties(
		@NotBlank(message = "set rvssl.payments.webhook-secret (RVSSL_PAYMENTS_WEBHOOK_SECRET): the secret the "
				+ "payment provider signs its callbacks with; billing has no default") @Size(
						min = 16,
						message = "must be at least 16 characters: it is all that stands between a forged callback "
								+ "and free credit") String webhookSecret,
		@DefaultValue("PT5M") Duration signatureTolerance, @DefaultValue("PT24H") Duration expireAfter,
		@DefaultValue("PT1M") Duration sweepInterval, @NotNull @Valid Provider provider) {

	/**
	 * @param baseUrl the provider's API, to which {@code /payments} is added
	 * @param apiKey billing's key at the provider
	 * @param timeout how long billing waits for the provider before answering 503
	 * @param checkoutPages the origin of the provider's payment pages, where the account
	 * page's top-up form may lead; by default the API's own
	 */
	public record Provider(
			@NotNull(message = "set rvssl.payments.provider.base-url (RVSSL_PAYMENTS_PROVIDER_BASE_URL): "
					+ "the payment provider's API") URI baseUrl,
			@NotBlank(message = "set rvssl.payments.provider.api-key (RVSSL_PAYMENTS_PROVIDER_API_KEY): "
					+ "billing's key at the payment provider; billing has no default") String apiKey,
			@DefaultValue("PT10S") Duration timeout, URI checkoutPages) {

		/** {@code scheme://host[:port]} of the payment pages. */
		public String checkoutOrigin() {
			URI page = (checkoutPages != null) ? checkoutPages : baseUrl;
			return page.getScheme() + "://" + page.getRawAuthority();
		}

	}

}
