package com.rvssl.order.csr;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.rvssl.kit.test.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsrDecoderTests {

	private static final BigInteger F4 = BigInteger.valueOf(65537);

	@Test
	void aRealCsrIsDecodedWithItsNamesAndKey() {
		DecodedCsr csr = CsrDecoder
			.decode(TestCertificates.csr(TestCertificates.rsa2048(), "Example.com", "www.example.com"));
		assertThat(csr.commonName()).isEqualTo("Example.com");
		assertThat(csr.names()).containsExactly("example.com", "www.example.com");
		assertThat(csr.keyAlgorithm()).isEqualTo("RSA");
		assertThat(csr.keySize()).isEqualTo(2048);
		assertThat(csr.signatureAlgorithm()).containsIgnoringCase("SHA256");
		assertThat(csr.subject()).containsEntry("O", "Example Shop");
		assertThat(csr.mismatchWith(List.of("www.example.com", "EXAMPLE.com"))).isEmpty();
		assertThat(csr.mismatchWith(List.of("example.com")))
			.hasValueSatisfying((why) -> assertThat(why).contains("www.example.com"));
	}

	@Test
	void ecKeysOnP256AndP384AreAccepted() {
		assertThat(CsrDecoder.decode(TestCertificates.csr(TestCertificates.ec("secp256r1"), "a.com")).keySize())
			.isEqualTo(256);
		DecodedCsr p384 = CsrDecoder.decode(TestCertificates.csr(TestCertificates.ec("secp384r1"), "a.com"));
		assertThat(p384.keyAlgorithm()).isEqualTo("EC");
		assertThat(p384.keySize()).isEqualTo(384);
	}

	// the order of the checks: a key the policy refuses is refused for its key even when
	// its signature is garbage, so no signature work is ever spent on it

	@Test
	void aSixteenThousandBitModulusIsRefusedForItsSizeBeforeItsSignatureIsLookedAt() {
		String csr = claiming(TestCertificates.rsaPublicKey(TestCertificates.fakeRsaModulus(16_384), F4));

		InvalidCsrException refusal = refusal(csr);

		assertThat(refusal.keyRefused()).isTrue();
		assertThat(refusal).hasMessageContaining("16384 bits").hasMessageNotContaining("signature");
	}

	@Test
	void theSameForgeryWithAnAcceptableKeyReachesTheSignatureCheck() {
		// the control for the test above: with a key the policy accepts, the garbage
		// signature is what is refused
		for (int bits : new int[] { 2048, 8192 }) {
			InvalidCsrException refusal = refusal(
					claiming(TestCertificates.rsaPublicKey(TestCertificates.fakeRsaModulus(bits), F4)));
			assertThat(refusal.keyRefused()).isFalse();
			assertThat(refusal).hasMessageContaining("signature");
		}
	}

	@ParameterizedTest(name = "{0} bits")
	@ValueSource(ints = { 1024, 2047, 8193, 16_385, 65_536 })
	void rsaModuliOutsideTwoToEightThousandBitsAreRefused(int bits) {
		InvalidCsrException refusal = refusal(
				claiming(TestCertificates.rsaPublicKey(TestCertificates.fakeRsaModulus(bits), F4)));
		assertThat(refusal.keyRefused()).isTrue();
		assertThat(refusal).hasMessageContaining(bits + " bits");
	}

	@Test
	void aRealWeakRsaKeyIsRefused() {
		InvalidCsrException refusal = refusal(TestCertificates.csr(TestCertificates.rsa(1024), "a.com"));
		assertThat(refusal.keyRefused()).isTrue();
		assertThat(refusal).hasMessageContaining("too weak");
	}

	@ParameterizedTest(name = "e = {0}")
	@ValueSource(strings = { "1", "2", "4", "65536", "0" })
	void rsaExponentsThatAreNotOddAndAtLeastThreeAreRefused(String exponent) {
		InvalidCsrException refusal = refusal(claiming(
				TestCertificates.rsaPublicKey(TestCertificates.fakeRsaModulus(2048), new BigInteger(exponent))));
		assertThat(refusal.keyRefused()).isTrue();
		assertThat(refusal).hasMessageContaining("exponent");
	}

	@Test
	void rsaExponentsAboveTwoToThe256MinusOneAreRefusedAndTheBoundItselfIsNot() {
		BigInteger bound = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
		BigInteger modulus = TestCertificates.fakeRsaModulus(4096);

		InvalidCsrException huge = refusal(claiming(TestCertificates.rsaPublicKey(modulus, bound.add(BigInteger.TWO))));
		InvalidCsrException atBound = refusal(claiming(TestCertificates.rsaPublicKey(modulus, bound)));
		InvalidCsrException aModulusSized = refusal(
				claiming(TestCertificates.rsaPublicKey(modulus, modulus.subtract(BigInteger.TWO))));

		assertThat(huge.keyRefused()).isTrue();
		assertThat(huge).hasMessageContaining("exponent");
		assertThat(aModulusSized.keyRefused()).isTrue();
		// accepted by the policy: refused only because no one signed it with that key
		assertThat(atBound.keyRefused()).isFalse();
		assertThat(atBound).hasMessageContaining("signature");
	}

	@Test
	void aRealKeyWithExponentThreeIsAccepted() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F0));
		assertThat(CsrDecoder.decode(TestCertificates.csr(generator.generateKeyPair(), "a.com")).keySize())
			.isEqualTo(2048);
	}

	@Test
	void aModulusWithASmallFactorIsRefused() {
		BigInteger modulus = TestCertificates.fakeRsaModulus(2047).multiply(BigInteger.valueOf(751));
		InvalidCsrException refusal = refusal(claiming(TestCertificates.rsaPublicKey(modulus, F4)));
		assertThat(refusal.keyRefused()).isTrue();
		assertThat(refusal).hasMessageContaining("small factor");
	}

	@Test
	void ecKeysOnOtherCurvesAreRefused() {
		InvalidCsrException p521 = refusal(TestCertificates.csr(TestCertificates.ec("secp521r1"), "a.com"));
		// a curve the JDK cannot even generate a key on: claimed with any point
		InvalidCsrException secp256k1 = refusal(claiming(new SubjectPublicKeyInfo(
				new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256k1),
				new byte[65])));
		for (InvalidCsrException refusal : List.of(p521, secp256k1)) {
			assertThat(refusal.keyRefused()).isTrue();
			assertThat(refusal).hasMessageContaining("P-256 or P-384");
		}
		assertThat(p521).hasMessageContaining("P-521");
	}

	@Test
	void anEcKeyWithExplicitCurveParametersIsRefusedEvenWhenValidlySigned() {
		KeyPair key = TestCertificates.ec("secp256r1");
		String csr = TestCertificates.csr(TestCertificates.explicitCurvePublicKey(key, "secp256r1"), key, "a.com");

		InvalidCsrException refusal = refusal(csr);

		assertThat(refusal.keyRefused()).isTrue();
		assertThat(refusal).hasMessageContaining("explicit");
	}

	@Test
	void otherKeyAlgorithmsAreRefused() throws GeneralSecurityException {
		KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		InvalidCsrException refusal = refusal(
				claiming(SubjectPublicKeyInfo.getInstance(ed25519.getPublic().getEncoded())));
		assertThat(refusal.keyRefused()).isTrue();
		assertThat(refusal).hasMessageContaining("not accepted");
	}

	@Test
	void aSignatureAlgorithmThatDoesNotFitTheKeyIsRefused() {
		KeyPair ec = TestCertificates.ec("secp256r1");
		// an EC key claimed, an RSA signature
		InvalidCsrException refusal = refusal(claiming(SubjectPublicKeyInfo.getInstance(ec.getPublic().getEncoded())));
		assertThat(refusal.keyRefused()).isFalse();
		assertThat(refusal).hasMessageContaining("does not fit its EC key");
	}

	@Test
	void malformedExtensionRequestsAreRefusedAsUnreadable() {
		KeyPair key = TestCertificates.rsa2048();
		GeneralNames names = new GeneralNames(new GeneralName(GeneralName.dNSName, "a.com"));
		Extension san = new Extension(Extension.subjectAlternativeName, false,
				octets(new DERUTF8String("not a list of names")));
		List<String> malformed = List.of(
				TestCertificates.csrWithAttribute(key, "a.com", PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
						new ASN1Integer(7)),
				TestCertificates.csrWithAttribute(key, "a.com", PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
						sanExtensions(names), sanExtensions(names)),
				TestCertificates.csrWithAttribute(key, "a.com", PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
						new DERSequence(new Extension[] { san })),
				TestCertificates.csrWithAttribute(key, "a.com", PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
						new DERSequence(new Extension[] { sanExtension(names), sanExtension(names) })),
				TestCertificates.csrWithAttribute(key, "a.com", PKCSObjectIdentifiers.pkcs_9_at_extensionRequest));

		for (String csr : malformed) {
			InvalidCsrException refusal = refusal(csr);
			assertThat(refusal.keyRefused()).isFalse();
			assertThat(refusal).hasMessageMatching("CSR (extension request|subjectAltName).*");
		}
	}

	@Test
	void aCsrWithTwoExtensionRequestsIsRefused() throws Exception {
		KeyPair key = TestCertificates.rsa2048();
		GeneralNames names = new GeneralNames(new GeneralName(GeneralName.dNSName, "a.com"));
		byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=a.com"), key.getPublic())
			.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, sanExtensions(names))
			.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, sanExtensions(names))
			.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()))
			.getEncoded();
		InvalidCsrException refusal = refusal(pem(der));
		assertThat(refusal.keyRefused()).isFalse();
		assertThat(refusal).hasMessageContaining("more than one extension request");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "trailing text", "two blocks", "a certificate", "base64 junk", "text before",
			"PEM headers", "mismatched END", "no END", "bytes after the DER", "empty block", "too long" })
	void pemShapesOtherThanExactlyOneCertificateRequestAreRefused(String shape) {
		String good = TestCertificates.csr(TestCertificates.rsa2048(), "a.com");
		String body = good.replaceAll("-----[A-Z ]+-----", "").strip();
		String pem = switch (shape) {
			case "trailing text" -> good + "and then some\n";
			case "two blocks" -> good + good;
			case "a certificate" -> TestCertificates.chainFor("a.com").pem().split("(?<=-----END CERTIFICATE-----)")[0];
			case "base64 junk" -> good.replace(body.substring(0, 8), body.substring(0, 4) + "!*%$");
			case "text before" -> "Certificate Request:\n    Data: ...\n" + good;
			case "PEM headers" -> good.replace("REQUEST-----\n", "REQUEST-----\nProc-Type: 4,ENCRYPTED\n\n");
			case "mismatched END" -> good.replace("END CERTIFICATE REQUEST", "END CERTIFICATE");
			case "no END" -> good.replace("-----END CERTIFICATE REQUEST-----", "");
			case "bytes after the DER" -> pem(concat(der(good), new byte[] { 5, 0 }));
			case "empty block" -> "-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----\n";
			case "too long" -> good.replace("REQUEST-----\n", "REQUEST-----\n" + " \n".repeat(13_000));
			default -> throw new IllegalArgumentException(shape);
		};
		InvalidCsrException refusal = refusal(pem);
		assertThat(refusal.keyRefused()).isFalse();
		assertThat(refusal.getMessage()).startsWith("CSR");
	}

	@Test
	void derLargerThanTheLimitIsRefusedBeforeItIsParsed() {
		String pem = pem(new byte[CsrPem.MAX_DER_BYTES + 1]);
		assertThat(pem.length()).isLessThanOrEqualTo(CsrPem.MAX_PEM_CHARS);
		assertThat(refusal(pem)).hasMessageContaining("bytes of DER");
	}

	@Test
	void somethingElseIsNotACsr() {
		assertThatThrownBy(() -> CsrDecoder.decode("hello")).isInstanceOf(InvalidCsrException.class);
		assertThatThrownBy(() -> CsrDecoder.decode(null)).isInstanceOf(InvalidCsrException.class);
		assertThatThrownBy(() -> CsrDecoder.decode(TestCertificates.privateKeyPem(TestCertificates.rsa2048())))
			.isInstanceOf(InvalidCsrException.class)
			.hasMessageContaining("PRIVATE KEY");
	}

	/** A CSR claiming {@code key}, signed by another key: its signature is garbage. */
	private static String claiming(SubjectPublicKeyInfo key) {
		return TestCertificates.csr(key, TestCertificates.rsa2048(), "forged.example.com");
	}

	private static InvalidCsrException refusal(String csr) {
		InvalidCsrException refusal = catchThrowableOfType(InvalidCsrException.class, () -> CsrDecoder.decode(csr));
		assertThat(refusal).as("refused").isNotNull();
		return refusal;
	}

	private static Extensions sanExtensions(GeneralNames names) {
		return new Extensions(sanExtension(names));
	}

	private static Extension sanExtension(GeneralNames names) {
		return new Extension(Extension.subjectAlternativeName, false, octets(names));
	}

	private static DEROctetString octets(org.bouncycastle.asn1.ASN1Encodable value) {
		try {
			return new DEROctetString(value);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static byte[] der(String pem) {
		return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
	}

	private static String pem(byte[] der) {
		return "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END CERTIFICATE REQUEST-----\n";
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
