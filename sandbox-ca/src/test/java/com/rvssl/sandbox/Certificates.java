package com.rvssl.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/** Reads and checks certificates with the JDK's own PKIX implementation. */
public final class Certificates {

	private Certificates() {
	}

	public static List<X509Certificate> readPem(String pem) {
		return read(pem.getBytes(StandardCharsets.US_ASCII));
	}

	/** PEM, DER or PKCS#7: the JDK's certificate factory reads them all. */
	public static List<X509Certificate> read(byte[] encoded) {
		try {
			return CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(encoded))
				.stream()
				.map(X509Certificate.class::cast)
				.toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Validates leaf-first {@code path} up to {@code root} (no revocation checking: no
	 * CRLs here).
	 */
	public static PKIXCertPathValidatorResult validate(List<X509Certificate> path, X509Certificate root)
			throws Exception {
		CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
		PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
		parameters.setRevocationEnabled(false);
		return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
	}

}
