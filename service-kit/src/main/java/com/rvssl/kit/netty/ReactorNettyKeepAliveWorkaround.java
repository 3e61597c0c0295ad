package com.rvssl.kit.netty;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reactor Netty 1.3.6 can stop reading a keep-alive connection whose next request arrives
 * before the previous response has fully ended (reactor-netty#4361, fixed upstream in
 * September 2026), leaving that request unanswered until the client gives up; this server
 * option avoids that path. Reactor Netty reads it once per JVM from the system
 * properties, so it is set here, before the web server starts, unless the JVM was started
 * with a value of its own. Remove it once Spring Boot brings a fixed Reactor Netty.
 */
public class ReactorNettyKeepAliveWorkaround implements EnvironmentPostProcessor {

	static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, "true");
		}
	}

}
