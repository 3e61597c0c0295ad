package com.rvssl.contracts;

/**
 * The CA API family an order is placed with; the gateway holds one adapter per family.
 */
public enum CertificateAuthority {

	DIGICERT, SECTIGO

}
