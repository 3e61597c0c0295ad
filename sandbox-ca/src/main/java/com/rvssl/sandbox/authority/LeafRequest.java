package com.rvssl.sandbox.authority;

import java.time.Instant;
import java.util.List;

/**
 * What a leaf certificate is made of: the CSR's key, the order's names and its validity
 * (the order's plan decides it; the authority refuses more than the Baseline Requirements
 * allow).
 *
 * @param dnsNames every name for the SAN extension (the common name included), without
 * repeats
 */
public record LeafRequest(SigningRequest csr, String commonName, List<String> dnsNames, Instant notBefore,
		Instant notAfter) {
}
