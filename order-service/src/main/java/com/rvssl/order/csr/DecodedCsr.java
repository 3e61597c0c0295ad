package com.rvssl.order.csr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a CSR asks for, as the API shows it and as an order checks it; its key has passed
 * the platform's key policy and its signature verified.
 */
public record DecodedCsr(String commonName, List<String> subjectAltNames, String keyAlgorithm, int keySize,
		String signatureAlgorithm, Map<String, String> subject) {

	public DecodedCsr {
		subjectAltNames = List.copyOf(subjectAltNames);
		subject = Map.copyOf(subject);
	}

	/**
	 * Every DNS name the certificate would carry: the common name and the SANs, lower
	 * case.
	 */
	public Set<String> names() {
		Set<String> names = new LinkedHashSet<>();
		if (commonName != null) {
			names.add(commonName.toLowerCase(Locale.ROOT));
		}
		subjectAltNames.forEach((name) -> names.add(name.toLowerCase(Locale.ROOT)));
		return names;
	}

	/**
	 * Why the CSR's names are not exactly the ordered domains, if they are not (case does
	 * not matter).
	 */
	public Optional<String> mismatchWith(List<String> domains) {
		Set<String> ordered = new LinkedHashSet<>();
		domains.forEach((domain) -> ordered.add(domain.toLowerCase(Locale.ROOT)));
		Set<String> named = names();
		if (named.equals(ordered)) {
			return Optional.empty();
		}
		List<String> missing = new ArrayList<>(ordered);
		missing.removeAll(named);
		List<String> extra = new ArrayList<>(named);
		extra.removeAll(ordered);
		StringBuilder message = new StringBuilder("CSR names do not match the ordered domains");
		if (!missing.isEmpty()) {
			message.append("; not in the CSR: ").append(String.join(", ", missing));
		}
		if (!extra.isEmpty()) {
			message.append("; not ordered: ").append(String.join(", ", extra));
		}
		return Optional.of(message.toString());
	}

}
