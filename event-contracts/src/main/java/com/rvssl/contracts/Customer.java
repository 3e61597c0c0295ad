package com.rvssl.contracts;

/** The reseller's end customer, as WHMCS knows them. */
public record Customer(String name, String email) {
}
