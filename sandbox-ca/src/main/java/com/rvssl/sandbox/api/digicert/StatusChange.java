package com.rvssl.sandbox.api.digicert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of {@code PUT .../{order_id}/status}: DigiCert accepts only {@code canceled}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StatusChange(String status, String note) {
}
