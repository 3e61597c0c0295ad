package com.rvssl.contracts;

/**
 * How the domain owner proves control: an approval email, a file over HTTP or a DNS
 * record.
 */
public enum DcvMethod {

	EMAIL, HTTP, DNS

}
