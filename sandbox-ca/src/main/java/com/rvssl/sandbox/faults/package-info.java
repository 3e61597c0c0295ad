/**
 * Faults the sandbox plays on its CA API paths on request ({@code /sandbox/faults}):
 * outages, latency, server errors, rate limiting, lost replies and malformed replies, so
 * that the platform's resilience can be tested. Never applied to {@code /sandbox/**}.
 */
package com.rvssl.sandbox.faults;
