package com.rvssl.sandbox.approval;

/**
 * One approval link as mailed: which order's domain it approves, and to whom it went.
 *
 * @param token the random part of the link, its only credential
 * @param orderId the sandbox order
 * @param domain the domain it approves
 * @param approver the address it was sent to
 */
public record ApprovalLink(String token, long orderId, String domain, String approver) {
}
