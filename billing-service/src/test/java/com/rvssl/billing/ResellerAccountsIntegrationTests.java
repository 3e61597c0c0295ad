package com.rvssl.billing;

import java.util.Map;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.ResellerRegistered;
import com.rvssl.kit.security.ApiKeys;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ResellerAccountsIntegrationTests extends BillingIntegrationTest {

	@Test
	void operatorOpensAnAccountAtZeroWhoseKeyWorksAndIsAnnouncedByItsHash() {
		Reseller reseller = newReseller();

		assertThat(reseller.apiKey()).startsWith("rvk_").hasSize(36);
		AccountView account = account(reseller);
		assertThat(account.resellerId()).isEqualTo(reseller.resellerId());
		assertThat(account.balance().amount()).isZero();
		assertThat(account.balance().currency()).isEqualTo("USD");
		assertThat(account.waitingForPayment().count()).isZero();

		EventEnvelope registered = eventually()
			.until(() -> topics.accountEvents(reseller.resellerId()), (events) -> !events.isEmpty())
			.get(0);
		assertThat(registered.payload()).isInstanceOfSatisfying(ResellerRegistered.class, (event) -> {
			assertThat(event.apiKeyHash()).isEqualTo(ApiKeys.hash(reseller.apiKey()));
			assertThat(event.currency()).isEqualTo("USD");
		});
	}

	@Test
	void currencyDefaultsToUsd() {
		web.post()
			.uri("/api/v1/admin/resellers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_KEY)
			.bodyValue(Map.of("name", "No currency given"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.currency")
			.isEqualTo("USD");
	}

	@Test
	void aResellerCannotOpenAccounts() {
		Reseller reseller = newReseller();

		web.post()
			.uri("/api/v1/admin/resellers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.bodyValue(Map.of("name", "Sneaky"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void requestsWithoutAKeyOrWithAnUnknownKeyAreUnauthorized() {
		web.get()
			.uri("/api/v1/account")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
		web.get()
			.uri("/api/v1/account")
			.header(HttpHeaders.AUTHORIZATION, "Bearer rvk_not-a-key")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void aResellerSeesOnlyItsOwnAccountAndTheOperatorSeesAny() {
		Reseller one = newReseller();
		Reseller other = newReseller();

		web.get()
			.uri("/api/v1/account?resellerId=" + other.resellerId())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + one.apiKey())
			.exchange()
			.expectStatus()
			.isNotFound();
		web.get()
			.uri("/api/v1/account?resellerId=" + other.resellerId())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.resellerId")
			.isEqualTo(other.resellerId());
	}

	@Test
	void invalidRegistrationsAreProblemsWithFieldErrors() {
		web.post()
			.uri("/api/v1/admin/resellers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_KEY)
			.bodyValue(Map.of("name", "", "currency", "dollars"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'currency')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'name')]")
			.exists();
	}

}
