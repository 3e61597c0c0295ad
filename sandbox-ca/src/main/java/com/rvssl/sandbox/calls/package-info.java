/**
 * What the callers spent: every CA API call counted by operation, per CA order and in
 * total, and the calls answered 429, so that tests and benchmarks read the calls an order
 * cost from the CA's side ({@code /sandbox/calls}, {@code /sandbox/orders/{id}}).
 */
package com.rvssl.sandbox.calls;
