package com.rvssl.statussync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Follows every order the gateway submitted to a CA until the CA issues, rejects or it is
 * stopped. Every schedule decision reads the service kit's one {@code Clock}, so that a
 * test can stop or move time.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StatusSyncApplication {

	public static void main(String[] args) {
		SpringApplication.run(StatusSyncApplication.class, args);
	}

}
