/**
 * Domain control as the sandbox checks it: what each order must publish
 * ({@link com.rvssl.sandbox.validation.DcvProof}), the test-controlled resolver and DNS
 * registry the checks go through ({@link com.rvssl.sandbox.validation.TestNetwork}), and
 * the checks themselves ({@link com.rvssl.sandbox.validation.DomainControl}). Nothing
 * here reaches the real internet: a domain without a resolver entry simply cannot be
 * proven.
 */
package com.rvssl.sandbox.validation;
