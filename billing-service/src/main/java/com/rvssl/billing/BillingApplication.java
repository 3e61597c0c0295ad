package com.rvssl.billing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Reseller accounts, prepaid credit, its ledger and the orders waiting for payment. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class BillingApplication {

	public static void main(String[] args) {
		SpringApplication.run(BillingApplication.class, args);
	}

}
