package com.rvssl.billing.payments;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Checks the provider's signature on a callback, Stripe's way: the header
 * {@code Rvssl-Payment-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} with
 * the shared webhook secret. Compared in constant time; a signed time outside the
 * tolerance, in the past (a replay) or the future, is refused however good the MAC. Any
 * {@code v1} that matches is enough, so the secret can be rolled with two at once.
 */
@Component
public class CallbackSignature {

	public static final String HEADER = "Rvssl-Payment-Signature";

	private final byte[] secret;

	private final Duration tolerance;

	private final Clock clock;

	CallbackSignature(PaymentProperties properties, Clock clock) {
		this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
		this.tolerance = properties.signatureTolerance();
		this.clock = clock;
	}

	/**
	 * @throws Refused when the header is missing or malformed, the time is outside the
	 * tolerance, or no signature matches
	 */
	public void verify(String header, byte[] body) {
		if (header == null || header.isBlank()) {
			throw new Refused("The callback carries no " + HEADER + " header.");
		}
		Long signedAt = null;
		List<byte[]> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length != 2) {
				continue;
			}
			if (pair[0].equals("t")) {
				signedAt = seconds(pair[1]);
			}
			else if (pair[0].equals("v1")) {
				signatures.add(hex(pair[1]));
			}
		}
		if (signedAt == null || signatures.stream().allMatch((signature) -> signature == null)) {
			throw new Refused("The " + HEADER + " header needs t=<unix seconds> and v1=<hex HMAC-SHA256>.");
		}
		long now = clock.instant().getEpochSecond();
		if (signedAt < now - tolerance.toSeconds() || signedAt > now + tolerance.toSeconds()) {
			throw new Refused("The callback was signed at t=" + signedAt + ", outside the accepted " + tolerance
					+ " of now (t=" + now + "): refused as a possible replay.");
		}
		byte[] expected = sign(signedAt, body);
		// MessageDigest.isEqual takes the same time wherever the first difference is
		if (signatures.stream()
			.noneMatch((signature) -> signature != null && MessageDigest.isEqual(expected, signature))) {
			throw new Refused("The callback's signature does not match its body.");
		}
	}

	/** The signature of {@code body} at {@code signedAt} with this secret. */
	byte[] sign(long signedAt, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			mac.update((signedAt + ".").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Long seconds(String text) {
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static byte[] hex(String text) {
		try {
			return HexFormat.of().parseHex(text.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The callback is not the provider's, or not now. */
	public static class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

}
