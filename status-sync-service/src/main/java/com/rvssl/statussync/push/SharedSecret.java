package com.rvssl.statussync.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One configured secret, compared in constant time. Both sides are hashed first so that
 * the comparison time tells nothing about the secret's length either.
 */
final class SharedSecret {

	private final byte[] digest;

	private SharedSecret(String secret) {
		this.digest = (secret == null || secret.isBlank()) ? null : sha256(secret);
	}

	static SharedSecret of(String secret) {
		return new SharedSecret(secret);
	}

	/**
	 * Whether {@code presented} is the secret; always false when no secret is configured.
	 */
	boolean matches(String presented) {
		if (digest == null || presented == null) {
			return false;
		}
		return MessageDigest.isEqual(digest, sha256(presented));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
