package com.rvssl.sandbox.authority;

import java.math.BigInteger;
import java.util.stream.IntStream;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The keys the sandbox CA certifies, as a public CA under the Baseline Requirements does:
 * RSA of 2048 to 8192 bits with an odd public exponent from 3 to 2^256-1 and no small
 * factors, EC on the named curves P-256 and P-384. Judged on the public key alone, before
 * the CSR's signature is verified: verifying a hostile key (a 16,384-bit modulus) is what
 * costs seconds.
 */
final class AcceptedKeys {

	private static final BigInteger MAX_EXPONENT = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

	private static final BigInteger SMALL_PRIMES = IntStream.range(3, 752)
		.filter((n) -> BigInteger.valueOf(n).isProbablePrime(64))
		.mapToObj(BigInteger::valueOf)
		.reduce(BigInteger.ONE, BigInteger::multiply);

	private AcceptedKeys() {
	}

	/**
	 * @throws InvalidCsrException in the CA's words when the key is not accepted
	 */
	static void check(SubjectPublicKeyInfo key) {
		ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
		if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
			checkRsa(key);
		}
		else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
			checkEc(key);
		}
		else {
			throw new InvalidCsrException("The CSR's key algorithm is not supported. Use RSA or ECC (P-256, P-384).");
		}
	}

	private static void checkRsa(SubjectPublicKeyInfo key) {
		RSAPublicKey rsa;
		try {
			rsa = RSAPublicKey.getInstance(key.parsePublicKey());
		}
		catch (Exception ex) {
			throw new InvalidCsrException("The CSR's public key is not readable.", ex);
		}
		int bits = rsa.getModulus().bitLength();
		if (rsa.getModulus().signum() <= 0 || bits < 2048 || bits > 8192) {
			throw new InvalidCsrException("The CSR's RSA key size of " + bits
					+ " bits is not supported. Key sizes from 2048 to 8192 bits are supported.");
		}
		BigInteger exponent = rsa.getPublicExponent();
		if (exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0)
				|| exponent.compareTo(MAX_EXPONENT) > 0) {
			throw new InvalidCsrException(
					"The CSR's RSA public exponent is not supported. It must be odd, at least 3 and at most 2^256-1.");
		}
		if (!rsa.getModulus().gcd(SMALL_PRIMES).equals(BigInteger.ONE)) {
			throw new InvalidCsrException("The CSR's RSA modulus has small factors.");
		}
	}

	private static void checkEc(SubjectPublicKeyInfo key) {
		ASN1Encodable curve = key.getAlgorithm().getParameters();
		if (!(curve instanceof ASN1ObjectIdentifier)) {
			throw new InvalidCsrException(
					"The CSR's ECC key must use a named curve; explicit curve parameters are not supported.");
		}
		if (!SECObjectIdentifiers.secp256r1.equals(curve) && !SECObjectIdentifiers.secp384r1.equals(curve)) {
			throw new InvalidCsrException("The CSR's ECC curve is not supported. Use P-256 or P-384.");
		}
	}

}
