package com.rvssl.contracts.events;

/**
 * The CA refused to issue; billing refunds the charge, unless the order's certificate was
 * issued before (a refused reissue: the customer keeps that certificate).
 */
public record CertificateRejected(String reason) implements OrderEvent {
}
