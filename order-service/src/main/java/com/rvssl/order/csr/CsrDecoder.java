package com.rvssl.order.csr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Reads a PEM PKCS#10 request in the order that keeps a hostile one cheap: sizes first,
 * then the ASN.1 structure, then the key (size, exponent, curve), and only then the
 * self-signature (proof the requester holds the key), which is the costly step. The names
 * and subject are read last, each malformed shape an {@link InvalidCsrException}. Pure
 * and blocking: {@link CsrReader} runs it off the event loop.
 */
public final class CsrDecoder {

	/**
	 * Our own provider instance: the JDK cannot look EC keys up by OID, and nothing is
	 * registered globally.
	 */
	private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

	/**
	 * Signature algorithms a CSR may be signed with, by key type. SHA-1 stays: a CSR's
	 * signature only proves possession of the key, which a collision cannot forge.
	 */
	private static final Set<ASN1ObjectIdentifier> RSA_SIGNATURES = Set.of(PKCSObjectIdentifiers.sha1WithRSAEncryption,
			PKCSObjectIdentifiers.sha224WithRSAEncryption, PKCSObjectIdentifiers.sha256WithRSAEncryption,
			PKCSObjectIdentifiers.sha384WithRSAEncryption, PKCSObjectIdentifiers.sha512WithRSAEncryption,
			PKCSObjectIdentifiers.id_RSASSA_PSS, OIWObjectIdentifiers.sha1WithRSA);

	private static final Set<ASN1ObjectIdentifier> EC_SIGNATURES = Set.of(X9ObjectIdentifiers.ecdsa_with_SHA1,
			X9ObjectIdentifiers.ecdsa_with_SHA224, X9ObjectIdentifiers.ecdsa_with_SHA256,
			X9ObjectIdentifiers.ecdsa_with_SHA384, X9ObjectIdentifiers.ecdsa_with_SHA512);

	private CsrDecoder() {
	}

	/**
	 * @throws InvalidCsrException when it is not one PEM certificate request within the
	 * size limits, its key is not accepted, its signature does not verify or its contents
	 * are malformed
	 */
	public static DecodedCsr decode(String pem) {
		CertificationRequest request = structure(CsrPem.der(pem));
		KeyPolicy.CheckedKey key = KeyPolicy.check(request.getCertificationRequestInfo().getSubjectPublicKeyInfo());
		String signatureAlgorithm = checkSignatureAlgorithm(request, key);
		verifySignature(request);
		X500Name subject = request.getCertificationRequestInfo().getSubject();
		return new DecodedCsr(commonName(subject), dnsNames(request), key.algorithm(), key.size(), signatureAlgorithm,
				subjectFields(subject));
	}

	/** The ASN.1 structure, whole: nothing after it, nesting bounded by BouncyCastle. */
	private static CertificationRequest structure(byte[] der) {
		try {
			CertificationRequest request = CertificationRequest.getInstance(ASN1Primitive.fromByteArray(der));
			if (request == null || request.getCertificationRequestInfo() == null) {
				throw InvalidCsrException.unreadable("CSR is not a PKCS#10 certificate request");
			}
			return request;
		}
		catch (InvalidCsrException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw InvalidCsrException.unreadable("CSR is not a readable PKCS#10 request (malformed DER)", ex);
		}
	}

	private static String checkSignatureAlgorithm(CertificationRequest request, KeyPolicy.CheckedKey key) {
		ASN1ObjectIdentifier algorithm = request.getSignatureAlgorithm().getAlgorithm();
		Set<ASN1ObjectIdentifier> accepted = "RSA".equals(key.algorithm()) ? RSA_SIGNATURES : EC_SIGNATURES;
		String name = new DefaultAlgorithmNameFinder().getAlgorithmName(request.getSignatureAlgorithm());
		if (!accepted.contains(algorithm)) {
			throw InvalidCsrException.unreadable("CSR is signed with " + name + ", which does not fit its "
					+ key.algorithm() + " key or is not accepted; sign it with SHA-256 and its own key");
		}
		return name;
	}

	private static void verifySignature(CertificationRequest request) {
		PKCS10CertificationRequest holder = new PKCS10CertificationRequest(request);
		boolean valid;
		try {
			valid = holder.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(PROVIDER)
				.build(holder.getSubjectPublicKeyInfo()));
		}
		catch (Exception ex) {
			throw InvalidCsrException.unreadable("CSR signature cannot be verified: " + ex.getMessage(), ex);
		}
		if (!valid) {
			throw InvalidCsrException.unreadable("CSR signature does not verify");
		}
	}

	private static String commonName(X500Name subject) {
		try {
			for (RDN rdn : subject.getRDNs()) {
				for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
					if (BCStyle.CN.equals(value.getType())) {
						return text(value.getValue(), "common name");
					}
				}
			}
			return null;
		}
		catch (InvalidCsrException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw InvalidCsrException.unreadable("CSR subject is malformed", ex);
		}
	}

	private static Map<String, String> subjectFields(X500Name subject) {
		try {
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
		catch (RuntimeException ex) {
			throw InvalidCsrException.unreadable("CSR subject is malformed", ex);
		}
	}

	/**
	 * The DNS names of the subjectAltName requested in the (single) extension request.
	 * The shapes are checked one by one so that each refusal says what is wrong.
	 */
	private static List<String> dnsNames(CertificationRequest request) {
		ASN1Set attributes = request.getCertificationRequestInfo().getAttributes();
		if (attributes == null) {
			return List.of();
		}
		Extensions extensions = null;
		for (ASN1Encodable element : attributes) {
			Attribute attribute;
			try {
				attribute = Attribute.getInstance(element);
			}
			catch (RuntimeException ex) {
				throw InvalidCsrException.unreadable("CSR attributes are malformed", ex);
			}
			if (!PKCSObjectIdentifiers.pkcs_9_at_extensionRequest.equals(attribute.getAttrType())) {
				continue;
			}
			if (extensions != null) {
				throw InvalidCsrException.unreadable("CSR has more than one extension request");
			}
			ASN1Set values = attribute.getAttrValues();
			if (values == null || values.size() != 1) {
				throw InvalidCsrException.unreadable("CSR extension request must hold exactly one list of extensions");
			}
			try {
				extensions = Extensions.getInstance(values.getObjectAt(0));
			}
			catch (RuntimeException ex) {
				throw InvalidCsrException
					.unreadable("CSR extension request is malformed (not a list of distinct extensions)", ex);
			}
		}
		if (extensions == null) {
			return List.of();
		}
		Extension alternatives = extensions.getExtension(Extension.subjectAlternativeName);
		if (alternatives == null) {
			return List.of();
		}
		GeneralName[] names;
		try {
			names = GeneralNames.getInstance(alternatives.getParsedValue()).getNames();
		}
		catch (RuntimeException ex) {
			throw InvalidCsrException.unreadable("CSR subjectAltName extension is malformed (not a list of names)", ex);
		}
		List<String> dnsNames = new ArrayList<>();
		for (GeneralName name : names) {
			if (name.getTagNo() == GeneralName.dNSName) {
				dnsNames.add(text(name.getName(), "subjectAltName DNS name"));
			}
		}
		return dnsNames;
	}

	private static String text(ASN1Encodable value, String what) {
		if (!(value instanceof ASN1String string)) {
			throw InvalidCsrException.unreadable("CSR " + what + " is not text");
		}
		return string.getString();
	}

}
