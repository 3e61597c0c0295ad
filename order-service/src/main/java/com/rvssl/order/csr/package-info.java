/**
 * Certificate signing requests: decoding PEM PKCS#10 with BouncyCastle and the checks an
 * order makes on it (signature, key strength, names matching the ordered domains).
 */
package com.rvssl.order.csr;
