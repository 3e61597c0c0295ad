package com.rvssl.contracts.events;

/**
 * The reseller asked for the issued certificate again over a new CSR (the old one stays
 * valid).
 */
public record ReissueRequested(String csr) implements OrderEvent {
}
