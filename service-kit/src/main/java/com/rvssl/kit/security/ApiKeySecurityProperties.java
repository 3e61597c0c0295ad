package com.rvssl.kit.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which keys a service accepts and which paths need none. Every path needs a key unless
 * it is public: {@link #KIT_PUBLIC_PATHS} plus the service's {@code public-paths}.
 *
 * @param operatorKeyHash SHA-256 hex of the operator's key; empty means no operator
 * access
 * @param operatorKeyRequired whether the service refuses to start without an operator key
 * hash (a service with operator-only APIs sets it, so that it never runs without one or
 * with a development default)
 * @param serviceKeyHash SHA-256 hex of the platform's service key, which the services
 * send each other on {@code /internal/**}; empty means no service access
 * @param serviceKeyRequired whether the service refuses to start without a service key
 * hash (a service with internal APIs sets it)
 * @param publicPaths the service's own path patterns that need no key (its own checks
 * protect them, or they are meant for anyone), on top of {@link #KIT_PUBLIC_PATHS}
 * @param internalPaths the path patterns only a service key (or the operator's) may call
 */
@ConfigurationProperties("rvssl.security")
public record ApiKeySecurityProperties(@DefaultValue("") String operatorKeyHash,
		@DefaultValue("false") boolean operatorKeyRequired, @DefaultValue("") String serviceKeyHash,
		@DefaultValue("false") boolean serviceKeyRequired, @DefaultValue List<String> publicPaths,
		@DefaultValue("/internal/**") List<String> internalPaths) {

	/**
	 * Public in every service. The health probes: the orchestrator and compose's health
	 * checks call them without credentials (they say only UP or DOWN per component).
	 * Prometheus' metrics: the scrape (monitoring/prometheus, the k8s annotations) has no
	 * credentials to send; the metrics carry counts and timings, no reseller data.
	 */
	public static final List<String> KIT_PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**",
			"/actuator/prometheus");

	public ApiKeySecurityProperties {
		requireHash(operatorKeyRequired, operatorKeyHash, "rvssl.security.operator-key-hash",
				"RVSSL_SECURITY_OPERATOR_KEY_HASH", "the operator key");
		requireHash(serviceKeyRequired, serviceKeyHash, "rvssl.security.service-key-hash",
				"RVSSL_SECURITY_SERVICE_KEY_HASH", "the service key");
	}

	/** Every path pattern that needs no key. */
	public List<String> allPublicPaths() {
		return java.util.stream.Stream.concat(KIT_PUBLIC_PATHS.stream(), publicPaths.stream()).toList();
	}

	private static void requireHash(boolean required, String hash, String property, String environment, String what) {
		if (required && (hash == null || hash.isBlank())) {
			throw new IllegalStateException(property + " is not set: this service does not start without the SHA-256"
					+ " hex of " + what + " (environment " + environment + "). There is no default outside the"
					+ " local stack, which sets its own.");
		}
		if (hash != null && !hash.isBlank() && !hash.trim().matches("[0-9a-fA-F]{64}")) {
			throw new IllegalStateException(property + " is not a SHA-256 hex (64 hex digits): set the hash of " + what
					+ ", never the key itself.");
		}
	}

}
