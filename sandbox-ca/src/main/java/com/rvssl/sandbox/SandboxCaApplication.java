package com.rvssl.sandbox;

import java.time.Clock;
import java.util.Map;

import com.rvssl.kit.clock.MovableClock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The sandbox certificate authority. Runs on its own
 * ({@code java -jar sandbox-ca-exec.jar}) or in-process inside another module's tests
 * through {@link #start(String...)}.
 *
 * <p>
 * The MongoDB, Kafka and security auto-configurations, Boot's and the service kit's, are
 * excluded by name because a host module's test classpath carries their starters and the
 * kit, and the sandbox has neither a database nor a broker, and answers its callers with
 * the CAs' own credentials (API key, login), not the platform's keys. Of the kit, the
 * sandbox keeps only the Reactor Netty workaround: the sandbox stands in for outside CAs,
 * not for a platform service, so Spring's own errors stay Boot's plain problem details
 * rather than the platform's shape, whose {@code errors} array a DigiCert client would
 * take for DigiCert's own error list.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
		"org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
		"org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
		"org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
		"org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
		"com.rvssl.kit.kafka.KafkaKitAutoConfiguration", "com.rvssl.kit.health.HealthKitAutoConfiguration",
		"com.rvssl.kit.outbox.OutboxKitAutoConfiguration", "com.rvssl.kit.problem.ProblemDetailsKitAutoConfiguration",
		"com.rvssl.kit.security.ApiKeySecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ConfigurationPropertiesScan
@EnableScheduling
public class SandboxCaApplication {

	/**
	 * The configuration file's name: not {@code application}, which a host module owns.
	 */
	public static final String CONFIG_NAME = "sandbox-ca";

	public static void main(String[] args) {
		start(args);
	}

	/**
	 * Starts the sandbox and returns its context. Pass {@code --server.port=0} and read
	 * {@code local.server.port} from the context's environment for a free port; close the
	 * context to stop it.
	 */
	public static ConfigurableApplicationContext start(String... args) {
		SpringApplication application = new SpringApplication(SandboxCaApplication.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application.run(args);
	}

	/**
	 * The sandbox's own clock, which tests move on through the admin API (so OV/EV steps
	 * that take days at a real CA, or a plan's reissues months apart, pass in a call).
	 */
	@Bean
	MovableClock clock() {
		return new MovableClock(Clock.systemUTC());
	}

}
