package com.rvssl.kit.test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Real keys, CSRs and a small CA (root, intermediate, leaf) made with BouncyCastle for
 * the tests.
 */
public final class TestCertificates {

	private static final AtomicLong SERIALS = new AtomicLong(1000);

	private static KeyPair rsa2048;

	private TestCertificates() {
	}

	/** One 2048-bit RSA key for the whole run: generating keys is the slow part. */
	public static synchronized KeyPair rsa2048() {
		if (rsa2048 == null) {
			rsa2048 = rsa(2048);
		}
		return rsa2048;
	}

	public static KeyPair rsa(int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static KeyPair ec(String curve) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec(curve));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A PEM CSR with {@code commonName} as CN and every name (CN included) as a DNS SAN.
	 */
	public static String csr(KeyPair key, String commonName, String... otherNames) {
		try {
			X500Name subject = new X500Name("CN=" + commonName + ", O=Example Shop, L=Bangkok, C=TH");
			JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(subject,
					key.getPublic());
			GeneralName[] names = java.util.stream.Stream
				.concat(java.util.stream.Stream.of(commonName), Arrays.stream(otherNames))
				.map((name) -> new GeneralName(GeneralName.dNSName, name))
				.toArray(GeneralName[]::new);
			ExtensionsGenerator extensions = new ExtensionsGenerator();
			extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
			builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
			PKCS10CertificationRequest request = builder.build(signer(key));
			return pem("CERTIFICATE REQUEST", request.getEncoded());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A PEM CSR that claims {@code publicKey} but is signed with {@code signer}'s key, so
	 * its signature does not verify (unless the signer holds that key): for keys no one
	 * should have to generate (a 16,384-bit modulus, an odd exponent, explicit curve
	 * parameters), which must be refused before their signature is looked at.
	 */
	public static String csr(SubjectPublicKeyInfo publicKey, KeyPair signer, String commonName) {
		try {
			PKCS10CertificationRequest request = new PKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName),
					publicKey)
				.build(signer(signer));
			return pem("CERTIFICATE REQUEST", request.getEncoded());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A validly signed PEM CSR for {@code commonName} with one attribute of any shape,
	 * for malformed extension requests.
	 */
	public static String csrWithAttribute(KeyPair key, String commonName, ASN1ObjectIdentifier type,
			ASN1Encodable... values) {
		try {
			PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(
					new X500Name("CN=" + commonName), key.getPublic())
				.addAttribute(type, values)
				.build(signer(key));
			return pem("CERTIFICATE REQUEST", request.getEncoded());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An RSA public key with any modulus and exponent, valid or not. */
	public static SubjectPublicKeyInfo rsaPublicKey(BigInteger modulus, BigInteger exponent) {
		try {
			return new SubjectPublicKeyInfo(
					new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
					new org.bouncycastle.asn1.pkcs.RSAPublicKey(modulus, exponent));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An odd number of exactly {@code bits} bits with no prime factor below 752: it
	 * passes every cheap check of an RSA modulus, instantly, at any size; no one knows
	 * its factors.
	 */
	public static BigInteger fakeRsaModulus(int bits) {
		BigInteger smallPrimes = java.util.stream.IntStream.range(3, 752)
			.filter((n) -> BigInteger.valueOf(n).isProbablePrime(64))
			.mapToObj(BigInteger::valueOf)
			.reduce(BigInteger.ONE, BigInteger::multiply);
		java.util.Random random = new java.util.Random(bits);
		BigInteger modulus;
		do {
			modulus = new BigInteger(bits, random).setBit(bits - 1).setBit(0);
		}
		while (!modulus.gcd(smallPrimes).equals(BigInteger.ONE));
		return modulus;
	}

	/**
	 * The public key of an EC key pair with its curve spelled out as explicit parameters
	 * instead of named: the same point, a shape that hides weak curves.
	 */
	public static SubjectPublicKeyInfo explicitCurvePublicKey(KeyPair ecKey, String curve) {
		X9ECParameters parameters = ECNamedCurveTable.getByName(curve);
		SubjectPublicKeyInfo named = SubjectPublicKeyInfo.getInstance(ecKey.getPublic().getEncoded());
		return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, parameters),
				named.getPublicKeyData().getBytes());
	}

	public static String privateKeyPem(KeyPair key) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(key.getPrivate());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/**
	 * A chain as a CA returns it: leaf for {@code domain}, then intermediate, then root,
	 * in PEM.
	 */
	public static Chain chainFor(String domain) {
		KeyPair rootKey = rsa2048();
		KeyPair intermediateKey = rsa2048();
		X500Name root = new X500Name("CN=RVssl Test Root CA, O=RVssl Test");
		X500Name intermediate = new X500Name("CN=RVssl Test Issuing CA, O=RVssl Test");
		X509CertificateHolder rootCert = certificate(root, root, rootKey, rootKey, true, null);
		X509CertificateHolder intermediateCert = certificate(root, intermediate, rootKey, intermediateKey, true, null);
		X509CertificateHolder leaf = certificate(intermediate, new X500Name("CN=" + domain), intermediateKey, rsa2048(),
				false, domain);
		try {
			String pem = pem("CERTIFICATE", leaf.getEncoded()) + pem("CERTIFICATE", intermediateCert.getEncoded())
					+ pem("CERTIFICATE", rootCert.getEncoded());
			return new Chain(pem, List.of(leaf, intermediateCert, rootCert));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static X509CertificateHolder certificate(X500Name issuer, X500Name subject, KeyPair issuerKey,
			KeyPair subjectKey, boolean ca, String dnsName) {
		try {
			Instant now = Instant.now();
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
					BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
					Date.from(now.plus(Duration.ofDays(ca ? 3650 : 365))), subject, subjectKey.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
			if (dnsName != null) {
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
			}
			return builder.build(signer(issuerKey));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ContentSigner signer(KeyPair key) {
		try {
			String algorithm = "EC".equals(key.getPrivate().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
			return new JcaContentSignerBuilder(algorithm).build(key.getPrivate());
		}
		catch (OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(String type, byte[] der) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(new org.bouncycastle.util.io.pem.PemObject(type, der));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/** A chain in PEM and as parsed certificates (leaf, intermediate, root). */
	public record Chain(String pem, List<X509CertificateHolder> certificates) {

		public X509CertificateHolder leaf() {
			return certificates.get(0);
		}

	}

}
