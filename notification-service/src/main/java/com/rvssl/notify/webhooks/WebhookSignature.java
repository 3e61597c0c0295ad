package com.rvssl.notify.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Rvssl-Signature} of API.md:
 * {@code sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} with the reseller's secret.
 * The timestamp is inside the signed text so a receiver can refuse old (replayed)
 * requests without trusting an unsigned header.
 */
public final class WebhookSignature {

	private WebhookSignature() {
	}

	public static String sign(String secret, long timestampSeconds, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every JVM has HmacSHA256", ex);
		}
	}

}
