package com.rvssl.sandbox.authority;

import java.io.IOException;
import java.io.StringReader;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * A CSR whose signature has been checked: proof that the requester holds the private key
 * of the public key it asks us to certify.
 */
public record SigningRequest(SubjectPublicKeyInfo publicKey, String subject) {

	/**
	 * BouncyCastle's provider, used here only and never registered JVM-wide (the sandbox
	 * may run inside another application's tests): the JDK's providers do not resolve
	 * every key OID a CSR can carry (EC keys fail with "KeyFactory not available").
	 */
	private static final JcaContentVerifierProviderBuilder VERIFIERS = new JcaContentVerifierProviderBuilder()
		.setProvider(new BouncyCastleProvider());

	/** As much PEM text as a CSR for 250 names with an 8192-bit key takes. */
	static final int MAX_PEM_CHARS = 24 * 1024;

	/**
	 * Parses a PEM PKCS#10 request, checks its key and only then verifies its
	 * self-signature, the one costly step, which a refused key never reaches.
	 */
	public static SigningRequest parse(String pem) {
		if (pem == null || pem.isBlank()) {
			throw new InvalidCsrException("The CSR is empty.");
		}
		if (pem.length() > MAX_PEM_CHARS) {
			throw new InvalidCsrException("The CSR is too long.");
		}
		Object parsed;
		try (PEMParser parser = new PEMParser(new StringReader(pem.trim()))) {
			parsed = parser.readObject();
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidCsrException("The CSR is not valid PEM.", ex);
		}
		if (!(parsed instanceof PKCS10CertificationRequest csr)) {
			throw new InvalidCsrException("The CSR is not a PEM PKCS#10 certificate request.");
		}
		AcceptedKeys.check(csr.getSubjectPublicKeyInfo());
		try {
			if (!csr.isSignatureValid(VERIFIERS.build(csr.getSubjectPublicKeyInfo()))) {
				throw new InvalidCsrException("The CSR's signature does not verify.");
			}
		}
		catch (OperatorCreationException | PKCSException | RuntimeException ex) {
			if (ex instanceof InvalidCsrException invalid) {
				throw invalid;
			}
			throw new InvalidCsrException("The CSR's signature cannot be verified: " + ex.getMessage(), ex);
		}
		try {
			return new SigningRequest(csr.getSubjectPublicKeyInfo(), csr.getSubject().toString());
		}
		catch (RuntimeException ex) {
			throw new InvalidCsrException("The CSR's subject is not readable.", ex);
		}
	}
}
