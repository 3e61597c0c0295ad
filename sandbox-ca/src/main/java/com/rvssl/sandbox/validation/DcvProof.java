package com.rvssl.sandbox.validation;

/**
 * What one domain must show for the CA to count it as controlled.
 *
 * @param method {@code EMAIL}, {@code HTTP}, {@code DNS_TXT} or {@code DNS_CNAME}
 * @param domain the name being validated (a wildcard's base name)
 * @param target the approver address, the URL the CA fetches, or the DNS record's name
 * @param value the file's content or the record's value; null for email
 */
public record DcvProof(String method, String domain, String target, String value) {

	public static final String EMAIL = "EMAIL";

	public static final String HTTP = "HTTP";

	public static final String DNS_TXT = "DNS_TXT";

	public static final String DNS_CNAME = "DNS_CNAME";

	/**
	 * The path of an HTTP proof's URL below the domain, e.g.
	 * {@code /.well-known/pki-validation/fileauth.txt}.
	 */
	public String path() {
		return java.net.URI.create(this.target).getRawPath();
	}
}
