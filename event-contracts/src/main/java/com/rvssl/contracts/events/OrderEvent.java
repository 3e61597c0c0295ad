package com.rvssl.contracts.events;

/**
 * An event in the life of one order: published on the orders topic, keyed by order id.
 */
public sealed interface OrderEvent extends Event permits OrderPlaced, OrderCancelled, CertificateCancelled,
		CancellationRefused, PaymentCaptured, CreditInsufficient, CertificateSubmitted, SubmissionFailed,
		CertificateValidationUpdated, CertificateIssued, CertificateRejected, RefundIssued, ReissueRequested,
		DcvResendRequested, DcvChangeRequested, RenewalDue, CertificateRenewalDue, CertificateExpiringUnrenewed {

}
