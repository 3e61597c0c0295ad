package com.rvssl.order.csr;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DER bytes of exactly one PEM {@code CERTIFICATE REQUEST} block, read strictly and
 * within size limits before any ASN.1 parsing: nothing before or after the block, one
 * block only, its label right, its body plain base64.
 */
final class CsrPem {

	/**
	 * The most PEM text read: room for {@link #MAX_DER_BYTES} as base64 in 64-character
	 * lines with CRLF endings, and some stray whitespace.
	 */
	static final int MAX_PEM_CHARS = 24 * 1024;

	/**
	 * The most DER decoded: the largest product names 250 domains; with an 8192-bit key
	 * and its signature that leaves about 54 characters per name.
	 */
	static final int MAX_DER_BYTES = 16 * 1024;

	private static final Pattern BEGIN = Pattern.compile("^-----BEGIN ([A-Z0-9 ]{1,40})-----");

	private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");

	private CsrPem() {
	}

	static byte[] der(String pem) {
		if (pem == null || pem.isBlank()) {
			throw InvalidCsrException.unreadable("CSR is empty");
		}
		if (pem.length() > MAX_PEM_CHARS) {
			throw InvalidCsrException
				.unreadable("CSR is " + pem.length() + " characters long; at most " + MAX_PEM_CHARS + " are accepted");
		}
		String text = pem.strip();
		Matcher begin = BEGIN.matcher(text);
		if (!begin.find()) {
			throw InvalidCsrException.unreadable(
					"CSR must be one PEM block starting with -----BEGIN CERTIFICATE REQUEST----- (nothing before it)");
		}
		String label = begin.group(1);
		if (!label.equals("CERTIFICATE REQUEST") && !label.equals("NEW CERTIFICATE REQUEST")) {
			throw InvalidCsrException
				.unreadable("CSR is a PEM '" + label + "' block; a 'CERTIFICATE REQUEST' block is expected");
		}
		int blocks = text.split("-----BEGIN ", -1).length - 1;
		if (blocks > 1) {
			throw InvalidCsrException
				.unreadable("CSR text holds " + blocks + " PEM blocks; send exactly one CERTIFICATE REQUEST");
		}
		String end = "-----END " + label + "-----";
		if (!text.endsWith(end) || text.indexOf(end) != text.length() - end.length()) {
			throw InvalidCsrException.unreadable("CSR must end with " + end + " (nothing after it, no other END line)");
		}
		String body = text.substring(begin.end(), text.length() - end.length()).replaceAll("[ \\t\\r\\n]", "");
		if (body.isEmpty()) {
			throw InvalidCsrException.unreadable("CSR PEM block is empty");
		}
		if (!BASE64.matcher(body).matches() || body.length() % 4 != 0) {
			throw InvalidCsrException
				.unreadable("CSR PEM block is not plain base64 (stray characters, headers or bad padding)");
		}
		byte[] der = Base64.getDecoder().decode(body);
		if (der.length > MAX_DER_BYTES) {
			throw InvalidCsrException
				.unreadable("CSR is " + der.length + " bytes of DER; at most " + MAX_DER_BYTES + " are accepted");
		}
		return der;
	}

}
