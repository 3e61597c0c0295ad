/**
 * The sandbox's own admin API under {@code /sandbox}, for tests and local use: the orders
 * it holds (so that a test can count submissions), moving an order on by hand, the root
 * certificate to trust, the clock, the test network, DV auto-approval, and the faults and
 * pushes it plays.
 */
package com.rvssl.sandbox.api.admin;
