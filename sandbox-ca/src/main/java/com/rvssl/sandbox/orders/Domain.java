package com.rvssl.sandbox.orders;

import java.time.Instant;

/**
 * A name an order covers, with the id the CA gives its validation.
 *
 * @param validatedAt when its domain control was last completed, on the sandbox's clock
 * (null: not yet)
 */
public record Domain(long id, String name, Instant validatedAt) {

	public Domain(long id, String name) {
		this(id, name, null);
	}

	Domain validated(Instant at) {
		return new Domain(this.id, this.name, at);
	}

}
