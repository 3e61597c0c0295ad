/**
 * Certificate signing requests: decoding PEM PKCS#10 with BouncyCastle in the order that
 * keeps hostile input cheap (sizes, structure, key policy, then the signature), off the
 * event loop with a time limit, and the checks an order makes on it (names matching the
 * ordered domains).
 */
package com.rvssl.order.csr;
