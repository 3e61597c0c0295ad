package com.rvssl.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The public API WHMCS calls: catalog, orders and their three status views. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderServiceApplication {

	public static void main(String[] args) {
		// Reactor Netty 1.3.6 can stop reading a keep-alive connection whose next request arrives
		// before the previous response has fully terminated (reactor-netty#4361, fixed upstream in September 2026),
		// leaving that request unanswered until the client gives up; this setting avoids that path.
		System.setProperty("reactor.netty.http.server.lastFlushWhenNoRead",
				System.getProperty("reactor.netty.http.server.lastFlushWhenNoRead", "true"));
		SpringApplication.run(OrderServiceApplication.class, args);
	}

}
