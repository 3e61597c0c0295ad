package com.rvssl.billing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Callbacks as the payment provider sends them, written out here rather than with
 * billing's own code, so that a test of the signature does not check billing against
 * itself.
 */
final class PaymentCallbacks {

	private PaymentCallbacks() {
	}

	static String body(String type, String paymentId, String reference, long amount, String currency) {
		return "{\"type\":\"" + type + "\",\"paymentId\":\"" + paymentId + "\",\"reference\":\"" + reference
				+ "\",\"amount\":{\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}}";
	}

	/** {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
	static String header(String secret, long signedAt, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((signedAt + "." + body).getBytes(StandardCharsets.UTF_8));
			return "t=" + signedAt + ",v1=" + HexFormat.of().formatHex(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
