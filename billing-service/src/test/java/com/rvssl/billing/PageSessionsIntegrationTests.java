package com.rvssl.billing;

import java.util.Map;

import com.rvssl.billing.AccountPageIntegrationTests.Browser;
import com.rvssl.billing.page.PageProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;

import static com.rvssl.billing.AccountPageIntegrationTests.csrf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions for strangers: anonymous page requests and failed sign-ins keep nothing on the
 * server (the sign-in form's CSRF token lives in a cookie), so no one fills the session
 * store and locks sign-in out; a session starts only at a successful sign-in, with a new
 * id; and sign-in attempts are limited per client address.
 */
class PageSessionsIntegrationTests extends BillingIntegrationTest {

	private static final int STRANGERS = 200;

	@Autowired
	WebSessionManager sessionManager;

	@Autowired
	PageProperties page;

	@Test
	void anonymousPageRequestsAndFailedSignInsStoreNoSession() {
		int before = storedSessions();

		for (int i = 0; i < STRANGERS; i++) {
			Browser stranger = Browser.anonymous(this);
			String form = stranger.page("/sign-in");
			assertThat(stranger.redirectOf("/account")).isEqualTo("/sign-in");
			assertThat(stranger.postWithToken("/sign-in", Map.of("apiKey", "rvk_guess-" + i), csrf(form)))
				.isEqualTo("/sign-in?error=key");
			assertThat(stranger.postWithToken("/sign-in", Map.of("apiKey", "rvk_guess-" + i), null))
				.isEqualTo("/sign-in?error=form");
			assertThat(stranger.session()).isNull();
			if (i % 10 == 0) {
				Browser leaving = Browser.anonymous(this);
				assertThat(leaving.postWithToken("/sign-out", Map.of(), csrf(leaving.page("/sign-in"))))
					.isEqualTo("/sign-in?signed-out");
			}
		}

		assertThat(storedSessions()).as("sessions stored after %d strangers", STRANGERS).isEqualTo(before);
	}

	@Test
	void theSignInFormsCsrfTokenLivesInAStrictHttpOnlyCookieAndAFormWithoutItsTokenIsRefused() {
		Reseller reseller = newReseller();
		Browser browser = Browser.anonymous(this);
		EntityExchangeResult<String> form = web.get()
			.uri("/sign-in")
			.header("X-Forwarded-For", browser.address())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		browser.remember(form);
		assertThat(form.getResponseCookies()).doesNotContainKey("SESSION");
		ResponseCookie csrfCookie = form.getResponseCookies().getFirst("__Host-rvssl-csrf");
		assertThat(csrfCookie).as("the sign-in form's CSRF cookie").isNotNull();
		assertThat(csrfCookie.isHttpOnly()).isTrue();
		assertThat(csrfCookie.isSecure()).isTrue();
		assertThat(csrfCookie.getSameSite()).isEqualTo("Strict");
		assertThat(csrfCookie.getPath()).isEqualTo("/");
		String token = csrf(form.getResponseBody());
		Map<String, String> signIn = Map.of("apiKey", reseller.apiKey());

		assertThat(browser.postWithToken("/sign-in", signIn, null)).isEqualTo("/sign-in?error=form");
		assertThat(browser.postWithToken("/sign-in", signIn, csrf(Browser.anonymous(this).page("/sign-in"))))
			.as("another browser's token")
			.isEqualTo("/sign-in?error=form");
		browser.forget("__Host-rvssl-csrf");
		assertThat(browser.postWithToken("/sign-in", signIn, token)).as("the token without its cookie")
			.isEqualTo("/sign-in?error=form");
		assertThat(browser.session()).isNull();

		assertThat(browser.post("/sign-in", signIn)).isEqualTo("/account");
		assertThat(browser.session()).isNotNull();
		assertThat(browser.page("/account")).contains(reseller.resellerId());
	}

	@Test
	void signingInAgainGivesTheSessionANewIdAndTheOldIdOpensNothing() {
		Reseller reseller = newReseller();
		Browser browser = Browser.anonymous(this);
		assertThat(browser.post("/sign-in", Map.of("apiKey", reseller.apiKey()))).isEqualTo("/account");
		String first = browser.session();
		Browser keepingTheOldId = new Browser(this, first);

		assertThat(browser.post("/sign-in", Map.of("apiKey", reseller.apiKey()))).isEqualTo("/account");

		assertThat(browser.session()).isNotNull().isNotEqualTo(first);
		assertThat(browser.page("/account")).contains(reseller.resellerId());
		assertThat(keepingTheOldId.redirectOf("/account")).startsWith("/sign-in");
	}

	@Test
	void signInAttemptsAreLimitedPerClientAddressWithAPageSayingWhenToTryAgain() {
		Reseller reseller = newReseller();
		Browser guesser = Browser.anonymous(this);
		String token = csrf(guesser.page("/sign-in"));
		int storedBefore = storedSessions();

		for (int i = 0; i < page.signInAttempts(); i++) {
			assertThat(guesser.postWithToken("/sign-in", Map.of("apiKey", "rvk_guess-" + i), token))
				.isEqualTo("/sign-in?error=key");
		}
		EntityExchangeResult<String> refused = guesser.send("/sign-in", Map.of("apiKey", reseller.apiKey()), token)
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult();

		long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
		assertThat(retryAfter).isPositive();
		assertThat(refused.getResponseBody()).contains("Too many sign-in attempts")
			.contains("id=\"notice\"")
			.contains("name=\"_csrf\"");
		assertThat(refused.getResponseCookies()).doesNotContainKey("SESSION");
		assertThat(storedSessions()).isEqualTo(storedBefore);

		Browser neighbour = Browser.anonymous(this);
		assertThat(neighbour.post("/sign-in", Map.of("apiKey", reseller.apiKey()))).as("another address")
			.isEqualTo("/account");
	}

	private int storedSessions() {
		DefaultWebSessionManager manager = (DefaultWebSessionManager) sessionManager;
		return ((InMemoryWebSessionStore) manager.getSessionStore()).getSessions().size();
	}

}
