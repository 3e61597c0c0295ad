/**
 * Test support: the shared context of the integration tests, and orders in memory for
 * unit tests.
 */
package com.rvssl.order.support;
