package com.rvssl.contracts;

/**
 * Where a certificate stands in the CA's checks, in the order a DV, OV or EV order meets
 * them.
 */
public enum ValidationStage {

	/** Domain control not shown yet: see the order's {@link DcvInstruction}. */
	DCV_PENDING,

	/** OV/EV: the CA waits for the organisation's documents. */
	DOCUMENTS_REQUESTED,

	/** OV/EV: the CA has the documents and waits to reach the organisation by phone. */
	VERIFICATION_CALL_PENDING,

	/** Everything is in; the CA is checking before it signs. */
	UNDER_REVIEW

}
