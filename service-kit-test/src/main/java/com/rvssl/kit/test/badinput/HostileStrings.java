package com.rvssl.kit.test.badinput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Strings an attacker sends: path traversal, NUL and other control characters, encoded
 * NULs and overlong UTF-8, injection shapes, bidirectional overrides, very long text.
 * Every one carries a character no email address, domain, currency, country, enum
 * constant, URL or PEM block of the API may hold (none has an {@code @}), so each is
 * invalid wherever a constrained string is expected.
 */
public final class HostileStrings {

	static final List<String> FIXED = List.of("../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00",
			"abc\u0000def", "\u0000", "x%2e%2e%2fadmin", "' OR '1'='1' --", "\"; DROP TABLE orders; --",
			"{\"$gt\": \"\"}", "$where: 1 == 1", "${jndi:ldap://127.0.0.1/a}", "<script>alert(1)</script>",
			"\r\nX-Injected: yes", "\u202Egnp.exe ", "%C0%AE%C0%AE/", "\t\b\f\u0007\u001b[31m",
			"\uD83D\uDD12 \uD83D\uDD11;", "\\u0000", "||calc.exe|", "`id` $(id)", "file:///etc/passwd",
			"javascript:alert(1)", " ", "\u00A0\u2028\u2029", "\uFEFF<bom>", "a\u0301\u0301\u0301\u0301 /", "NaN /",
			"-1 /", "9".repeat(400));

	private HostileStrings() {
	}

	/** A hostile string: a fixed one, or one of those wrapped around random text. */
	public static Arbitrary<String> any() {
		Arbitrary<String> fixed = Arbitraries.of(FIXED);
		Arbitrary<String> random = Arbitraries.strings()
			.withCharRange('\u0000', '\uD7FF')
			.withCharRange('\uE000', '\uFFFD')
			.ofMinLength(0)
			.ofMaxLength(40);
		Arbitrary<String> wrapped = net.jqwik.api.Combinators.combine(fixed, random)
			.as((poison, text) -> text + poison);
		Arbitrary<String> veryLong = Arbitraries.integers()
			.between(2_000, 20_000)
			.flatMap((length) -> fixed.map((poison) -> poison + "A".repeat(length) + poison));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, fixed), net.jqwik.api.Tuple.of(4, wrapped),
				net.jqwik.api.Tuple.of(1, veryLong));
	}

	/**
	 * For a path segment or a query value: the string percent-encoded, or a raw shape.
	 */
	public static Arbitrary<String> encoded() {
		Arbitrary<String> raw = Arbitraries.of("%00", "..%2F..%2Fadmin", "..;", "x;jsessionid=1", "%2e%2e",
				"%252e%252e", "%c0%ae%c0%ae", "%ff%fe", "a%0d%0aX-Injected:1", "%25u0000", "%25", "%25zz", ".", "..",
				"~root", "%2F%2F127.0.0.1", "*");
		return Arbitraries.oneOf(raw, any().filter((text) -> text.length() < 1_000).map(HostileStrings::encode));
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
