package com.rvssl.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The keys of a local stack, as API.md fixes the form of
 * {@code .local-stack/credentials.json}. Kept across restarts so scripts and a
 * developer's shell keep working.
 */
public record Credentials(String operatorKey, String resellerId, String resellerKey, Sandbox sandbox) {

	public record Sandbox(String digicertApiKey, String sectigoLoginName, String sectigoLoginPassword) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Fresh operator and sandbox keys; the reseller is filled in once billing has created
	 * it.
	 */
	static Credentials generate() {
		return new Credentials("rvo_" + randomToken(), null, null,
				new Sandbox("dc_" + randomToken(), "rvssl-sandbox", randomToken()));
	}

	static Credentials readIfPresent(Path file) {
		if (!Files.exists(file)) {
			return null;
		}
		return JSON.readValue(file.toFile(), Credentials.class);
	}

	void write(Path file) {
		try {
			Files.createDirectories(file.getParent());
			JSON.writeValue(file.toFile(), this);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot write " + file, ex);
		}
	}

	Credentials withReseller(String id, String key) {
		return new Credentials(operatorKey, id, key, sandbox);
	}

	/**
	 * What the services are configured with: they compare hashes, never the key itself.
	 */
	static String sha256Hex(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
