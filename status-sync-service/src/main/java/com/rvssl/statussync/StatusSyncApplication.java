package com.rvssl.statussync;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Follows every order the gateway submitted to a CA until the CA issues, rejects or it is
 * stopped.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StatusSyncApplication {

	/**
	 * The one clock every schedule decision reads (when an order is due, its next check,
	 * a push's time), so that a test can stop time and hold the schedule to the
	 * millisecond.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(StatusSyncApplication.class, args);
	}

}
