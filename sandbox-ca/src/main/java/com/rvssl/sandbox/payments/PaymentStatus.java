package com.rvssl.sandbox.payments;

/** A payment is pending until paid or failed; both are final. */
public enum PaymentStatus {

	PENDING, SUCCEEDED, FAILED

}
