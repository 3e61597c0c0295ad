/** Issued certificates in the formats hosts install: PEM chain, CA bundle, PKCS#7. */
package com.rvssl.order.certificates;
