package com.rvssl.sandbox.orders;

import java.util.Locale;

/**
 * Where a CA order stands. Only {@link #PENDING} moves on, and {@link #ISSUED} to
 * {@link #REVOKED}; the others are final.
 */
public enum OrderStatus {

	PENDING, ISSUED, REJECTED, CANCELED, REVOKED;

	/** The lower-case form the CA APIs print ({@code pending}, {@code issued}, ...). */
	public String apiValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
