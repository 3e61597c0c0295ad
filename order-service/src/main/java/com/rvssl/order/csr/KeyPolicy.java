package com.rvssl.order.csr;

import java.math.BigInteger;
import java.util.stream.IntStream;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/**
 * The keys the platform certifies, judged on the public key alone and cheaply, before any
 * signature work (which for a hostile key is the expensive part). The rules are the CA/B
 * Forum Baseline Requirements' (6.1.5, 6.1.6) with an upper bound on size:
 * <ul>
 * <li>RSA: a modulus of 2048 to 8192 bits, odd, with no prime factor below 752; a public
 * exponent that is odd and at least 3 (the BR's "SHALL") and at most 2^256-1 (the upper
 * end of the BR's "SHOULD" range, enforced because the exponent's size is the cost of
 * every verification; the lower end, 2^16+1, is only a "SHOULD" and e = 3 keys still
 * exist, so it is not enforced);</li>
 * <li>EC: the named curves P-256 and P-384 only, a point on the curve; explicit curve
 * parameters are refused (RFC 5480 forbids them and they hide weak curves);</li>
 * <li>anything else refused.</li>
 * </ul>
 */
final class KeyPolicy {

	static final int MIN_RSA_BITS = 2048;

	static final int MAX_RSA_BITS = 8192;

	static final BigInteger MAX_RSA_EXPONENT = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

	private static final BigInteger THREE = BigInteger.valueOf(3);

	/** The product of the primes from 3 to 751: a modulus sharing none is coprime. */
	private static final BigInteger SMALL_PRIMES = IntStream.range(3, 752)
		.filter((n) -> BigInteger.valueOf(n).isProbablePrime(64))
		.mapToObj(BigInteger::valueOf)
		.reduce(BigInteger.ONE, BigInteger::multiply);

	private KeyPolicy() {
	}

	/**
	 * @return the key's algorithm ({@code RSA} or {@code EC}) and size in bits
	 * @throws InvalidCsrException unreadable when the key cannot be read, key refused
	 * when it is read and not certified
	 */
	static CheckedKey check(SubjectPublicKeyInfo key) {
		ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
		if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
			return rsa(key);
		}
		if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
			return ec(key);
		}
		throw InvalidCsrException
			.keyRefused("key algorithm " + new DefaultAlgorithmNameFinder().getAlgorithmName(algorithm)
					+ " is not accepted; use RSA (2048 to 8192 bits) or EC (P-256 or P-384)");
	}

	private static CheckedKey rsa(SubjectPublicKeyInfo key) {
		ASN1Encodable parameters = key.getAlgorithm().getParameters();
		if (parameters != null && !(parameters instanceof ASN1Null)) {
			throw InvalidCsrException.unreadable("CSR's RSA key has algorithm parameters; RSA keys have none");
		}
		RSAPublicKey rsa;
		try {
			rsa = RSAPublicKey.getInstance(key.parsePublicKey());
		}
		catch (Exception ex) {
			throw InvalidCsrException.unreadable("CSR's RSA public key is not readable", ex);
		}
		BigInteger modulus = rsa.getModulus();
		BigInteger exponent = rsa.getPublicExponent();
		int bits = modulus.bitLength();
		if (modulus.signum() <= 0 || bits < MIN_RSA_BITS) {
			throw InvalidCsrException
				.keyRefused("RSA key of " + bits + " bits is too weak; use at least " + MIN_RSA_BITS + " bits");
		}
		if (bits > MAX_RSA_BITS) {
			throw InvalidCsrException.keyRefused("RSA key of " + bits + " bits is larger than accepted; use "
					+ MIN_RSA_BITS + " to " + MAX_RSA_BITS + " bits");
		}
		if (exponent.signum() <= 0 || exponent.compareTo(THREE) < 0 || !exponent.testBit(0)) {
			throw InvalidCsrException
				.keyRefused("RSA public exponent must be an odd number of at least 3 (65537 is usual)");
		}
		if (exponent.compareTo(MAX_RSA_EXPONENT) > 0) {
			throw InvalidCsrException.keyRefused("RSA public exponent of " + exponent.bitLength()
					+ " bits is larger than accepted (at most 2^256-1; 65537 is usual)");
		}
		if (!modulus.testBit(0) || !modulus.gcd(SMALL_PRIMES).equals(BigInteger.ONE)) {
			throw InvalidCsrException.keyRefused("RSA modulus has a small factor: not a usable RSA key");
		}
		return new CheckedKey("RSA", bits);
	}

	private static CheckedKey ec(SubjectPublicKeyInfo key) {
		ASN1Encodable parameters = key.getAlgorithm().getParameters();
		if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
			throw InvalidCsrException.keyRefused(
					"EC key must name its curve (P-256 or P-384); explicit or implicit curve parameters are not accepted");
		}
		int bits;
		if (SECObjectIdentifiers.secp256r1.equals(curve)) {
			bits = 256;
		}
		else if (SECObjectIdentifiers.secp384r1.equals(curve)) {
			bits = 384;
		}
		else {
			String name = NISTNamedCurves.getName(curve);
			String shown = (name != null) ? name : ECNamedCurveTable.getName(curve);
			throw InvalidCsrException.keyRefused("EC key on curve " + ((shown != null) ? shown : curve.getId())
					+ " is not accepted; use P-256 or P-384");
		}
		ECPoint point;
		try {
			point = ECNamedCurveTable.getByOID(curve).getCurve().decodePoint(key.getPublicKeyData().getOctets());
		}
		catch (RuntimeException ex) {
			throw InvalidCsrException.unreadable("CSR's EC public key is not a point on its curve", ex);
		}
		if (point.isInfinity() || !point.isValid()) {
			throw InvalidCsrException.unreadable("CSR's EC public key is not a point on its curve");
		}
		return new CheckedKey("EC", bits);
	}

	/** A key the policy accepts. */
	record CheckedKey(String algorithm, int size) {
	}

}
