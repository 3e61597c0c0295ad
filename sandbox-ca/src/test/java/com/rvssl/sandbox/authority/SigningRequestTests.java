package com.rvssl.sandbox.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

import com.rvssl.kit.test.TestCertificates;

/**
 * The sandbox CA judges a CSR's key before its signature, as the platform does: a key it
 * refuses is refused for what it is, even when its signature is garbage, so no signature
 * work is spent on it.
 */
class SigningRequestTests {

	private static final BigInteger F4 = BigInteger.valueOf(65537);

	@Test
	void realRsaAndEcRequestsAreAccepted() {
		assertThat(SigningRequest.parse(TestCertificates.csr(TestCertificates.rsa2048(), "a.example.com")).subject())
			.contains("CN=a.example.com");
		assertThat(SigningRequest.parse(TestCertificates.csr(TestCertificates.ec("secp384r1"), "a.example.com"))
			.publicKey()).isNotNull();
	}

	@Test
	void aSixteenThousandBitModulusIsRefusedForItsSizeNotItsSignature() {
		assertThatThrownBy(() -> SigningRequest
			.parse(claiming(TestCertificates.rsaPublicKey(TestCertificates.fakeRsaModulus(16_384), F4))))
			.isInstanceOf(InvalidCsrException.class)
			.hasMessageContaining("16384 bits")
			.hasMessageNotContaining("signature");
	}

	@Test
	void theSameForgeryWithAnAcceptedKeySizeIsRefusedForItsSignature() {
		assertThatThrownBy(() -> SigningRequest
			.parse(claiming(TestCertificates.rsaPublicKey(TestCertificates.fakeRsaModulus(2048), F4))))
			.isInstanceOf(InvalidCsrException.class)
			.hasMessageContaining("signature");
	}

	@Test
	void exponentsThatAreEvenBelowThreeOrHugeAreRefused() {
		BigInteger modulus = TestCertificates.fakeRsaModulus(2048);
		for (BigInteger exponent : new BigInteger[] { BigInteger.ONE, BigInteger.valueOf(65536),
				BigInteger.ONE.shiftLeft(256).add(BigInteger.ONE) }) {
			assertThatThrownBy(() -> SigningRequest.parse(claiming(TestCertificates.rsaPublicKey(modulus, exponent))))
				.isInstanceOf(InvalidCsrException.class)
				.hasMessageContaining("exponent");
		}
	}

	@Test
	void ecKeysMustBeOnANamedP256OrP384Curve() {
		KeyPair p256 = TestCertificates.ec("secp256r1");
		assertThatThrownBy(() -> SigningRequest.parse(TestCertificates
			.csr(TestCertificates.explicitCurvePublicKey(p256, "secp256r1"), p256, "explicit.example.com")))
			.isInstanceOf(InvalidCsrException.class)
			.hasMessageContaining("named curve");
		assertThatThrownBy(
				() -> SigningRequest.parse(TestCertificates.csr(TestCertificates.ec("secp521r1"), "p521.example.com")))
			.isInstanceOf(InvalidCsrException.class)
			.hasMessageContaining("P-256 or P-384");
	}

	@Test
	void aCsrOverTheLengthLimitIsRefusedUnread() {
		String padded = TestCertificates.csr(TestCertificates.rsa2048(), "a.example.com")
			.replaceFirst("REQUEST-----\n", "REQUEST-----\n" + " ".repeat(SigningRequest.MAX_PEM_CHARS));
		assertThatThrownBy(() -> SigningRequest.parse(padded)).isInstanceOf(InvalidCsrException.class)
			.hasMessageContaining("too long");
	}

	private static String claiming(SubjectPublicKeyInfo key) {
		return TestCertificates.csr(key, TestCertificates.rsa2048(), "forged.example.com");
	}

}
