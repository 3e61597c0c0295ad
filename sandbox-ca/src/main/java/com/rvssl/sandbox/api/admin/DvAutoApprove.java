package com.rvssl.sandbox.api.admin;

import jakarta.validation.constraints.NotNull;

/**
 * Whether email-validated DV orders approve themselves
 * ({@code PUT/GET /sandbox/dv/auto-approve}).
 */
record DvAutoApprove(@NotNull Boolean enabled) {
}
