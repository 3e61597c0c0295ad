package com.rvssl.sandbox.orders;

/**
 * How much the CA checks before it issues: the domain only, the organization, or
 * extended.
 */
public enum ValidationLevel {

	DV, OV, EV

}
