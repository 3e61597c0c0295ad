package com.rvssl.order.certificates;

import java.util.Locale;

/**
 * How a certificate is downloaded. PKCS#12 is not offered: it needs the private key,
 * which the platform never has.
 */
public enum DownloadFormat {

	/** The full chain, leaf first, as PEM. */
	PEM("application/x-pem-file", "certificate.pem"),

	/**
	 * The intermediates and root only: Apache's SSLCertificateChainFile, or what nginx
	 * appends to the leaf.
	 */
	BUNDLE("application/x-pem-file", "ca-bundle.pem"),

	/** The chain as a certs-only PKCS#7 in PEM armour (IIS, Java keystores, Windows). */
	PKCS7("application/x-pkcs7-certificates", "certificate.p7b");

	private final String mediaType;

	private final String fileName;

	DownloadFormat(String mediaType, String fileName) {
		this.mediaType = mediaType;
		this.fileName = fileName;
	}

	public String mediaType() {
		return mediaType;
	}

	public String fileName() {
		return fileName;
	}

	/**
	 * @throws IllegalArgumentException for a format not offered
	 */
	public static DownloadFormat of(String name) {
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("format must be pem, bundle or pkcs7");
		}
	}

}
