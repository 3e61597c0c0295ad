package com.rvssl.sandbox.authority;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** The download formats of certificates: PEM, DER and a certificates-only PKCS#7. */
public final class CertificateEncodings {

	private CertificateEncodings() {
	}

	public static String pem(List<X509Certificate> certificates) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			for (X509Certificate certificate : certificates) {
				writer.writeObject(certificate);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	public static String pem(X509Certificate certificate) {
		return pem(List.of(certificate));
	}

	public static byte[] der(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A degenerate PKCS#7 SignedData (no signers, no content) carrying the certificates.
	 */
	public static byte[] pkcs7(List<X509Certificate> certificates) {
		try {
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addCertificates(new JcaCertStore(certificates));
			return generator.generate(new CMSAbsentContent()).getEncoded();
		}
		catch (CertificateEncodingException | CMSException | IOException ex) {
			throw new IllegalStateException("Cannot build the PKCS#7 chain", ex);
		}
	}

	/** Reads the first certificate of a PEM text. */
	public static X509Certificate readPem(String pem) {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (CertificateException ex) {
			throw new IllegalStateException("Not a PEM certificate", ex);
		}
	}

}
