package com.rvssl.sandbox.orders;

import java.time.Instant;

/**
 * The leaf certificate an order received.
 *
 * @param serialNumber lower-case hex
 * @param pem the leaf alone, PEM encoded
 */
public record IssuedCertificate(String serialNumber, Instant notBefore, Instant notAfter, String pem) {
}
