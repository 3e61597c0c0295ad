package com.rvssl.billing.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Reseller API keys: random, shown once, stored and compared only as their SHA-256 hex. */
public final class ApiKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeys() {
	}

	/** {@code rvk_} and 32 URL-safe characters (24 random bytes). */
	public static String newKey() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return "rvk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String sha256Hex(String key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
