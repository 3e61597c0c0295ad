package com.rvssl.order.csr;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.rvssl.kit.test.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsrDecoderTests {

	@Test
	void aRealCsrIsDecodedWithItsNamesAndKey() {
		DecodedCsr csr = CsrDecoder
			.decode(TestCertificates.csr(TestCertificates.rsa2048(), "Example.com", "www.example.com"));
		assertThat(csr.commonName()).isEqualTo("Example.com");
		assertThat(csr.names()).containsExactly("example.com", "www.example.com");
		assertThat(csr.keyAlgorithm()).isEqualTo("RSA");
		assertThat(csr.keySize()).isEqualTo(2048);
		assertThat(csr.signatureAlgorithm()).containsIgnoringCase("SHA256");
		assertThat(csr.keyWeakness()).isEmpty();
		assertThat(csr.mismatchWith(List.of("www.example.com", "EXAMPLE.com"))).isEmpty();
		assertThat(csr.mismatchWith(List.of("example.com")))
			.hasValueSatisfying((why) -> assertThat(why).contains("www.example.com"));
	}

	@Test
	void ecKeysOnP256AndP384AreAcceptedOthersAndWeakRsaAreNot() {
		assertThat(CsrDecoder.decode(TestCertificates.csr(TestCertificates.ec("secp256r1"), "a.com")).keyWeakness())
			.isEmpty();
		assertThat(CsrDecoder.decode(TestCertificates.csr(TestCertificates.ec("secp384r1"), "a.com")).keySize())
			.isEqualTo(384);
		assertThat(CsrDecoder.decode(TestCertificates.csr(TestCertificates.ec("secp521r1"), "a.com")).keyWeakness())
			.isPresent();
		assertThat(CsrDecoder.decode(TestCertificates.csr(TestCertificates.rsa(1024), "a.com")).keyWeakness())
			.isPresent();
	}

	@Test
	void somethingElseIsNotACsr() {
		assertThatThrownBy(() -> CsrDecoder.decode("hello")).isInstanceOf(InvalidCsrException.class);
		assertThatThrownBy(() -> CsrDecoder.decode(TestCertificates.privateKeyPem(TestCertificates.rsa2048())))
			.isInstanceOf(InvalidCsrException.class);
	}

}
