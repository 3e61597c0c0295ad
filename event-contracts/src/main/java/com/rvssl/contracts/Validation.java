package com.rvssl.contracts;

/**
 * How much the CA checks before it issues: domain, organisation or extended validation.
 */
public enum Validation {

	DV, OV, EV

}
