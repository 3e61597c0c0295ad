package com.rvssl.sandbox.admin;

/**
 * The optional body of {@code POST /sandbox/orders/{caOrderId}/advance}.
 *
 * @param to {@code issued} (the default) or {@code rejected}
 * @param reason why, for a rejection
 */
record AdvanceRequest(String to, String reason) {
}
