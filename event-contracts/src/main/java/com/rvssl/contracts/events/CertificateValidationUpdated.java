package com.rvssl.contracts.events;

import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.ValidationStage;

/**
 * The CA's validation moved on: {@code caStatus} is the CA's own word, {@code detail} says what is
 * awaited in a sentence, {@code stage} says it for machines and {@code dcv} (while domain control is
 * still to be shown) tells the customer exactly what to do. Both may be null: older
 * events lack them, and a CA may say no more than its status.
 */
public record CertificateValidationUpdated(String caStatus, String detail, ValidationStage stage,
		DcvInstruction dcv) implements OrderEvent {

	public CertificateValidationUpdated(String caStatus, String detail) {
		this(caStatus, detail, null, null);
	}

}
