package com.rvssl.billing;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Reseller accounts, prepaid credit, its ledger and the orders waiting for payment. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class BillingApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		// Reactor Netty 1.3.6 can stop reading a keep-alive connection whose next request arrives
		// before the previous response has fully terminated (reactor-netty#4361, fixed upstream in September 2026),
		// leaving that request unanswered until the client gives up; this setting avoids that path.
		System.setProperty("reactor.netty.http.server.lastFlushWhenNoRead",
				System.getProperty("reactor.netty.http.server.lastFlushWhenNoRead", "true"));
		SpringApplication.run(BillingApplication.class, args);
	}

}
