package com.rvssl.billing.charging;

/** No account for this reseller id; retrying cannot help. */
public class UnknownResellerException extends RuntimeException {

	public UnknownResellerException(String resellerId) {
		super("no account for reseller " + resellerId);
	}

}
