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
 */
@ConfigurationProperties("rvssl.page")
public record PageProperties(@DefaultValue("PT8H") Duration sessionLifetime,
		@DefaultValue("PT2S") Duration liveInterval) {
}
