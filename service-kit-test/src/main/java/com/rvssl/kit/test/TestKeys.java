package com.rvssl.kit.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The operator and service keys of a test context. No service has a default for either
 * (it refuses to start without the hashes), so every test context states them.
 */
public final class TestKeys {

	/** The platform's service key, for {@code /internal/**}. */
	public static final String SERVICE_KEY = "service-key-for-tests";

	/** The operator's key, where a test class has no operator key of its own. */
	public static final String OPERATOR_KEY = "operator-key-for-internal-tests";

	private TestKeys() {
	}

	/**
	 * The hashes of {@link #SERVICE_KEY} and {@link #OPERATOR_KEY}, as the kit reads
	 * them.
	 */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("rvssl.security.service-key-hash", () -> sha256Hex(SERVICE_KEY));
		registry.add("rvssl.security.operator-key-hash", () -> sha256Hex(OPERATOR_KEY));
	}

	public static String sha256Hex(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
