package com.rvssl.contracts;

/** The organisation an OV/EV certificate is issued to; absent for DV. */
public record Organization(String name, String country, String city, String address, String phone, Contact contact) {

	public record Contact(String name, String email, String phone) {
	}

}
