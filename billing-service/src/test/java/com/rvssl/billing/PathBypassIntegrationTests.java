package com.rvssl.billing;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.rvssl.billing.accounts.Account;
import com.rvssl.kit.test.PathBypassAssertions;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default on billing: no shape of an API path ({@code /%61pi/}, {@code /api;x/},
 * {@code //api/}, {@code /./api/}, {@code /API/}, {@code /api/v1/../v1/}) credits an
 * account, registers a reseller or reads a ledger without a key; a path listed nowhere
 * needs a key; the page's stylesheet and the probes stay open.
 */
class PathBypassIntegrationTests extends BillingIntegrationTest {

	@Test
	void noShapeOfTheTopUpPathCreditsAnAccountWithoutAKey() {
		Reseller reseller = newReseller();
		AccountView before = account(reseller);
		String body = "{\"amount\": {\"amount\": 100000, \"currency\": \"USD\"}, \"reference\": \"free\"}";

		PathBypassAssertions.assertFirewallRejected(PathBypassAssertions.assertEveryShapeRefused(web, HttpMethod.POST,
				"/api/v1/account/top-ups?resellerId=" + reseller.resellerId(), null, body));

		assertThat(account(reseller)).isEqualTo(before);
		assertThat(ledger(reseller)).isEmpty();
	}

	@Test
	void noShapeOfTheAdminPathRegistersAResellerWithoutAKey() {
		long before = mongo.getCollection(Account.COLLECTION)
			.flatMap((accounts) -> Mono.from(accounts.countDocuments()))
			.block();
		String name = "Sneaky " + UUID.randomUUID();

		PathBypassAssertions.assertEveryShapeRefused(web, HttpMethod.POST, "/api/v1/admin/resellers", null,
				"{\"name\": \"" + name + "\", \"currency\": \"USD\"}");

		assertThat(mongo.getCollection(Account.COLLECTION)
			.flatMap((accounts) -> Mono.from(accounts.countDocuments()))
			.block()).isEqualTo(before);
	}

	@Test
	void noShapeOfTheLedgerAnswersWithoutAKeyAndResellersKeysOpenNoInternalPath() {
		Reseller reseller = newReseller();
		PathBypassAssertions.assertEveryShapeRefused(web, HttpMethod.GET,
				"/api/v1/account/ledger?resellerId=" + reseller.resellerId(), null, null);
		PathBypassAssertions.assertEveryShapeRefused(web, HttpMethod.GET, "/internal/v1/accounts", null, null);
		PathBypassAssertions.assertEveryShapeRefused(web, HttpMethod.GET, "/internal/v1/accounts", reseller.apiKey(),
				null);
	}

	@Test
	void aPathListedNowhereNeedsAKeyWhileThePagesFilesAndTheProbesAreOpen() {
		web.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
		web.get().uri("/no/such/page").exchange().expectStatus().isUnauthorized();
		web.get().uri("/page/account.css").exchange().expectStatus().isOk();
		web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

}
