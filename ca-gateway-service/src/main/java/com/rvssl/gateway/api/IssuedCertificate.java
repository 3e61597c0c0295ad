package com.rvssl.gateway.api;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.security.auth.x500.X500Principal;

/**
 * An issued certificate as status-sync passes it on: the leaf's facts and the whole chain
 * in PEM.
 */
record IssuedCertificate(String serialNumber, Instant notBefore, Instant notAfter, String issuer, String pemChain) {

	/** Reads a PEM chain whose first certificate is the leaf. */
	static IssuedCertificate fromPemChain(String pemChain) {
		List<X509Certificate> chain = parse(pemChain);
		if (chain.isEmpty()) {
			throw new IllegalArgumentException("the CA's chain holds no certificate");
		}
		X509Certificate leaf = chain.get(0);
		return new IssuedCertificate(leaf.getSerialNumber().toString(16), leaf.getNotBefore().toInstant(),
				leaf.getNotAfter().toInstant(), leaf.getIssuerX500Principal().getName(X500Principal.RFC2253), pemChain);
	}

	private static List<X509Certificate> parse(String pem) {
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			List<X509Certificate> certificates = new ArrayList<>();
			factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
				.forEach(certificate -> certificates.add((X509Certificate) certificate));
			return certificates;
		}
		catch (CertificateException ex) {
			throw new IllegalArgumentException("the CA's chain is not readable PEM: " + ex.getMessage(), ex);
		}
	}

}
