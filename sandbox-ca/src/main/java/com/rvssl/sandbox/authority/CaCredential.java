package com.rvssl.sandbox.authority;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A CA certificate together with the private key that signs under it. */
record CaCredential(X509Certificate certificate, PrivateKey privateKey) {
}
