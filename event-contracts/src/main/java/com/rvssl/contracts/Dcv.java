package com.rvssl.contracts;

/**
 * Domain control validation choice; {@code approverEmail} only for
 * {@link DcvMethod#EMAIL}.
 */
public record Dcv(DcvMethod method, String approverEmail) {
}
