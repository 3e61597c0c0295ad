package com.rvssl.notify.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** API keys are never stored: every service keeps and compares the SHA-256 hex of the key. */
public final class ApiKeys {

	private ApiKeys() {
	}

	public static String hash(String apiKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/** Constant-time comparison of two hex hashes, so timing does not tell how much of a key matched. */
	static boolean sameHash(String a, String b) {
		return a != null && b != null
				&& MessageDigest.isEqual(a.toLowerCase().getBytes(StandardCharsets.US_ASCII),
						b.toLowerCase().getBytes(StandardCharsets.US_ASCII));
	}

}
