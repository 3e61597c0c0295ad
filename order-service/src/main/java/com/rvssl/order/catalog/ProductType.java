package com.rvssl.order.catalog;

/** How many names a certificate covers, and whether one of them may be a wildcard. */
public enum ProductType {

	SINGLE, WILDCARD, MULTI_DOMAIN

}
