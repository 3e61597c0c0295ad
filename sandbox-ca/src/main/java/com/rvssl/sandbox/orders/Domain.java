package com.rvssl.sandbox.orders;

/** A name an order covers, with the id the CA gives its validation. */
public record Domain(long id, String name) {
}
