package com.rvssl.gateway.scenarios;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Real CSRs, as an end customer's server would make them (the key stays here, as it would there). */
public final class Csrs {

	private Csrs() {
	}

	public record Csr(String pem, KeyPair keys) {
	}

	public static Csr forDomains(List<String> domains) {
		try {
			// P-256 keys: generated in a millisecond where RSA 2048 takes a busy CI core far longer
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
			KeyPair keys = generator.generateKeyPair();
			ExtensionsGenerator extensions = new ExtensionsGenerator();
			GeneralName[] names = domains.stream()
				.map(domain -> new GeneralName(GeneralName.dNSName, domain))
				.toArray(GeneralName[]::new);
			extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
			PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(
					new X500Name("CN=" + domains.get(0)), keys.getPublic())
				.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
				.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
			StringWriter pem = new StringWriter();
			try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
				writer.writeObject(request);
			}
			return new Csr(pem.toString(), keys);
		}
		catch (java.security.GeneralSecurityException | java.io.IOException | org.bouncycastle.operator.OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
