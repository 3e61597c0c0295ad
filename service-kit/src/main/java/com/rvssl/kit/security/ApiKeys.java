package com.rvssl.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * API keys are stored and compared only as the SHA-256 hex of the key, never in clear.
 */
public final class ApiKeys {

	private ApiKeys() {
	}

	public static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/**
	 * Compares two hashes in constant time (case-insensitive hex); a blank configured
	 * hash matches nothing.
	 */
	public static boolean sameHash(String hash, String configuredHash) {
		if (hash == null || configuredHash == null || configuredHash.isBlank()) {
			return false;
		}
		return MessageDigest.isEqual(hash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
				configuredHash.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

}
