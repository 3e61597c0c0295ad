package com.rvssl.sandbox.authority;

import java.util.List;

/**
 * What a leaf certificate is made of: the CSR's key, the order's names and its validity.
 *
 * @param dnsNames every name for the SAN extension (the common name included), without
 * repeats
 */
public record LeafRequest(SigningRequest csr, String commonName, List<String> dnsNames, int years) {
}
