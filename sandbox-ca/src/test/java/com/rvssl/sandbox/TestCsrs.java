package com.rvssl.sandbox;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Real CSRs for tests, with the key pair behind them. */
public final class TestCsrs {

	/** A CSR in PEM and the key pair it was made for. */
	public record Csr(String pem, KeyPair keys) {
	}

	private TestCsrs() {
	}

	public static Csr rsa(String commonName) {
		return create(commonName, "RSA", "SHA256withRSA");
	}

	public static Csr ecP256(String commonName) {
		return create(commonName, "EC", "SHA256withECDSA");
	}

	private static Csr create(String commonName, String algorithm, String signatureAlgorithm) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			if (algorithm.equals("EC")) {
				generator.initialize(new ECGenParameterSpec("secp256r1"));
			}
			else {
				generator.initialize(2048);
			}
			KeyPair keys = generator.generateKeyPair();
			PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(
					new X500Name("CN=" + commonName + ", O=Test Customer, C=TH"), keys.getPublic())
				.build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate()));
			StringWriter out = new StringWriter();
			try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
				writer.writeObject(csr);
			}
			return new Csr(out.toString(), keys);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
