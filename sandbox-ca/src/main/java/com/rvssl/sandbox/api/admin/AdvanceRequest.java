package com.rvssl.sandbox.api.admin;

/**
 * The optional body of {@code POST /sandbox/orders/{caOrderId}/advance}.
 *
 * @param to none (the default): one validation step on; {@code issued}: straight to
 * issued; {@code rejected}: rejected
 * @param reason why, for a rejection
 */
record AdvanceRequest(String to, String reason) {
}
