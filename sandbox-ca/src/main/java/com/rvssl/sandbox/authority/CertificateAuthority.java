package com.rvssl.sandbox.authority;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.rvssl.sandbox.SandboxProperties;

/**
 * The sandbox's test CA: a self-signed root and an intermediate under it, which signs
 * every leaf. Created at start-up, or loaded from {@code sandbox.data-dir} so that a
 * chain a client already trusts survives a restart.
 */
@Component
public class CertificateAuthority {

	/**
	 * Encoded O first, CN last, so that tools print it as "CN=RVssl Sandbox Root CA,
	 * O=RVssl Sandbox".
	 */
	static final X500Name ROOT_NAME = caName("RVssl Sandbox Root CA");

	static final X500Name INTERMEDIATE_NAME = caName("RVssl Sandbox DV/OV Intermediate CA");

	private static final Logger log = LoggerFactory.getLogger(CertificateAuthority.class);

	private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

	private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);

	private static final Duration INTERMEDIATE_VALIDITY = Duration.ofDays(10 * 365);

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final CaCredential root;

	private final CaCredential intermediate;

	public CertificateAuthority(SandboxProperties properties, Clock clock) {
		this.clock = clock;
		AuthorityFiles files = properties.dataDir() == null ? null
				: new AuthorityFiles(properties.dataDir().resolve("ca"));
		if (files != null && files.exist()) {
			this.root = files.read("root");
			this.intermediate = files.read("intermediate");
			log.info("Loaded the sandbox CA from {} (root serial {})", properties.dataDir(),
					this.root.certificate().getSerialNumber().toString(16));
		}
		else {
			this.root = createRoot();
			this.intermediate = createIntermediate(this.root);
			if (files != null) {
				files.write("root", this.root);
				files.write("intermediate", this.intermediate);
			}
			log.info("Created the sandbox CA (root serial {}){}",
					this.root.certificate().getSerialNumber().toString(16),
					files == null ? "" : " in " + properties.dataDir());
		}
	}

	private static X500Name caName(String commonName) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "RVssl Sandbox")
			.addRDN(BCStyle.CN, commonName)
			.build();
	}

	public X509Certificate root() {
		return this.root.certificate();
	}

	public X509Certificate intermediate() {
		return this.intermediate.certificate();
	}

	/** The certificates above a leaf, nearest first: intermediate, then root. */
	public List<X509Certificate> chain() {
		return List.of(intermediate(), root());
	}

	/**
	 * Signs a TLS server certificate for the request's key and names with the
	 * intermediate, for the validity asked; never longer than the Baseline Requirements
	 * allow on the day of issuance (a public CA's certificate beyond them would be
	 * misissued).
	 */
	public X509Certificate issue(LeafRequest request) {
		Instant notBefore = request.notBefore();
		Instant notAfter = request.notAfter();
		if (!notAfter.isAfter(notBefore)
				|| notAfter.isAfter(notBefore.plus(BaselineRequirements.longestValidity(notBefore)))) {
			throw new IllegalArgumentException("Validity from " + notBefore + " to " + notAfter
					+ " is outside the Baseline Requirements' limits of that day");
		}
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			SubjectPublicKeyInfo publicKey = request.csr().publicKey();
			X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
					X500Name.getInstance(intermediate().getSubjectX500Principal().getEncoded()), serialNumber(),
					Date.from(notBefore), Date.from(notAfter),
					new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, request.commonName()).build(), publicKey)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
				.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
				.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
				.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(intermediate()))
				.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(request.dnsNames()
							.stream()
							.map((name) -> new GeneralName(GeneralName.dNSName, name))
							.toArray(GeneralName[]::new)));
			return sign(builder, this.intermediate.privateKey());
		}
		catch (GeneralSecurityException | CertIOException ex) {
			throw new IllegalStateException("Cannot sign the certificate for " + request.commonName(), ex);
		}
	}

	private CaCredential createRoot() {
		try {
			KeyPair keys = rsaKeys();
			Instant now = this.clock.instant().minus(Duration.ofDays(1));
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ROOT_NAME, serialNumber(),
					Date.from(now), Date.from(now.plus(ROOT_VALIDITY)), ROOT_NAME, keys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(keys.getPublic()));
			return new CaCredential(sign(builder, keys.getPrivate()), keys.getPrivate());
		}
		catch (GeneralSecurityException | CertIOException ex) {
			throw new IllegalStateException("Cannot create the sandbox root CA", ex);
		}
	}

	private CaCredential createIntermediate(CaCredential issuer) {
		try {
			KeyPair keys = rsaKeys();
			Instant now = this.clock.instant().minus(Duration.ofDays(1));
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), serialNumber(),
					Date.from(now), Date.from(now.plus(INTERMEDIATE_VALIDITY)), INTERMEDIATE_NAME, keys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
				.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(keys.getPublic()))
				.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(issuer.certificate()));
			return new CaCredential(sign(builder, issuer.privateKey()), keys.getPrivate());
		}
		catch (GeneralSecurityException | CertIOException ex) {
			throw new IllegalStateException("Cannot create the sandbox intermediate CA", ex);
		}
	}

	private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
		try {
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key)));
		}
		catch (OperatorCreationException ex) {
			throw new GeneralSecurityException(ex);
		}
	}

	private KeyPair rsaKeys() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048, this.random);
		return generator.generateKeyPair();
	}

	/**
	 * 128 random bits, positive: the Baseline Requirements ask for at least 64 random
	 * bits.
	 */
	private BigInteger serialNumber() {
		BigInteger serial = new BigInteger(128, this.random);
		return serial.signum() == 0 ? BigInteger.ONE : serial;
	}

}
