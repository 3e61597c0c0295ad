package com.rvssl.billing.page;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sessionLifetime how long a sign-in lasts at most, however busy the session
 * ({@code rvssl.page.session-lifetime}); the idle timeout is Boot's
 * {@code server.reactive.session.timeout}
 * @param liveInterval how often the open page asks for the orders' statuses
 * ({@code rvssl.page.live-interval})
 * @param signInAttempts how many sign-in attempts one client address may make at once
 * ({@code rvssl.page.sign-in-attempts})
 * @param signInRefill how often an address gets one more attempt back
 * ({@code rvssl.page.sign-in-refill})
 * @param signInAddresses how many client addresses the limit remembers at most, the least
 * recently seen forgotten first ({@code rvssl.page.sign-in-addresses})
 */
@ConfigurationProperties("rvssl.page")
public record PageProperties(@DefaultValue("PT8H") Duration sessionLifetime,
		@DefaultValue("PT2S") Duration liveInterval, @DefaultValue("10") int signInAttempts,
		@DefaultValue("PT6S") Duration signInRefill, @DefaultValue("10000") int signInAddresses) {
}
