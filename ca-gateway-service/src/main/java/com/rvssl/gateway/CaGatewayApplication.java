package com.rvssl.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The CA gateway: every call to a Certificate Authority goes through this service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(CaGatewayApplication.class, args);
	}

}
