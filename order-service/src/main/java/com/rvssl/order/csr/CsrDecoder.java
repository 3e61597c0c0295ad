package com.rvssl.order.csr;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads a PEM PKCS#10 request and verifies its self-signature (proof the requester holds
 * the key).
 */
public final class CsrDecoder {

	/**
	 * Our own provider instance: the JDK cannot look EC keys up by OID, and nothing is
	 * registered globally.
	 */
	private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

	private CsrDecoder() {
	}

	/**
	 * @throws InvalidCsrException when it is not a PEM certificate request or its
	 * signature does not verify
	 */
	public static DecodedCsr decode(String pem) {
		PKCS10CertificationRequest request = parse(pem);
		verifySignature(request);
		SubjectPublicKeyInfo key = request.getSubjectPublicKeyInfo();
		X500Name subject = request.getSubject();
		return new DecodedCsr(commonName(subject), dnsNames(request), keyAlgorithm(key), keySize(key),
				new DefaultAlgorithmNameFinder().getAlgorithmName(request.getSignatureAlgorithm()),
				subjectFields(subject));
	}

	private static PKCS10CertificationRequest parse(String pem) {
		if (pem == null || pem.isBlank()) {
			throw new InvalidCsrException("CSR is empty");
		}
		try (PEMParser parser = new PEMParser(new StringReader(pem.trim()))) {
			Object object = parser.readObject();
			if (object instanceof PKCS10CertificationRequest request) {
				return request;
			}
			throw new InvalidCsrException("CSR must be a PEM block '-----BEGIN CERTIFICATE REQUEST-----'");
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidCsrException invalid) {
				throw invalid;
			}
			throw new InvalidCsrException("CSR is not a readable PKCS#10 request", ex);
		}
	}

	private static void verifySignature(PKCS10CertificationRequest request) {
		try {
			if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(PROVIDER)
				.build(request.getSubjectPublicKeyInfo()))) {
				throw new InvalidCsrException("CSR signature does not verify");
			}
		}
		catch (OperatorCreationException | PKCSException | RuntimeException ex) {
			if (ex instanceof InvalidCsrException invalid) {
				throw invalid;
			}
			throw new InvalidCsrException("CSR signature cannot be verified: " + ex.getMessage(), ex);
		}
	}

	private static String commonName(X500Name subject) {
		RDN[] names = subject.getRDNs(BCStyle.CN);
		return (names.length > 0) ? IETFUtils.valueToString(names[0].getFirst().getValue()) : null;
	}

	private static Map<String, String> subjectFields(X500Name subject) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (RDN rdn : subject.getRDNs()) {
			for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
				String name = BCStyle.INSTANCE.oidToDisplayName(value.getType());
				fields.putIfAbsent((name != null) ? name : value.getType().getId(),
						IETFUtils.valueToString(value.getValue()));
			}
		}
		return fields;
	}

	private static List<String> dnsNames(PKCS10CertificationRequest request) {
		List<String> names = new ArrayList<>();
		for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
			Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
			GeneralNames alternatives = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
			if (alternatives == null) {
				continue;
			}
			for (GeneralName name : alternatives.getNames()) {
				if (name.getTagNo() == GeneralName.dNSName) {
					names.add(name.getName().toString());
				}
			}
		}
		return names;
	}

	private static String keyAlgorithm(SubjectPublicKeyInfo key) {
		ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
		if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
			return "RSA";
		}
		if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
			return "EC";
		}
		return algorithm.getId();
	}

	private static int keySize(SubjectPublicKeyInfo key) {
		ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
		try {
			if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
				return RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength();
			}
		}
		catch (IOException ex) {
			throw new InvalidCsrException("CSR public key is not readable", ex);
		}
		if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
			Object curve = key.getAlgorithm().getParameters();
			if (SECObjectIdentifiers.secp256r1.equals(curve)) {
				return 256;
			}
			if (SECObjectIdentifiers.secp384r1.equals(curve)) {
				return 384;
			}
			// another (or an explicitly encoded) curve: reported as size 0, refused by
			// the policy
			return 0;
		}
		return 0;
	}

}
