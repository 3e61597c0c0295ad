/**
 * The sandbox's own admin API under {@code /sandbox}: the orders it holds (so that a test can
 * count submissions), moving an order on by hand, and the root certificate to trust.
 */
package com.rvssl.sandbox.admin;
