package com.rvssl.kit.clock;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every service's {@link Clock}: the system's in UTC, which its code takes instead of
 * {@code Instant.now()} so that tests can hold or move time. With
 * {@code rvssl.clock.movable=true} (whole-platform walks across months only; never in
 * production) it is a {@link MovableClock} with its internal API.
 */
@AutoConfiguration
public class ClockKitAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "rvssl.clock.movable", havingValue = "true")
	static class Movable {

		@Bean
		@ConditionalOnMissingBean(Clock.class)
		MovableClock clock() {
			return new MovableClock(Clock.systemUTC());
		}

		@Bean
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		ClockController clockController(MovableClock clock, ApplicationEventPublisher events) {
			return new ClockController(clock, events);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "rvssl.clock.movable", havingValue = "false", matchIfMissing = true)
	static class Fixed {

		@Bean
		@ConditionalOnMissingBean(Clock.class)
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
