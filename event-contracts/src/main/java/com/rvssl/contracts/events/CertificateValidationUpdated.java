package com.rvssl.contracts.events;

import java.util.List;

import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.ValidationStage;

/**
 * The CA's validation moved on: {@code caStatus} is the CA's own word, {@code detail}
 * says what is awaited in a sentence, {@code stage} says it for machines and {@code dcv}
 * (while domain control is still to be shown) tells the customer what to do, one
 * instruction per domain. {@code stage} may be null and {@code dcv} empty: older events
 * lack them, and a CA may say no more than its status.
 */
public record CertificateValidationUpdated(String caStatus, String detail, ValidationStage stage,
		List<DcvInstruction> dcv) implements OrderEvent {

	public CertificateValidationUpdated {
		dcv = (dcv != null) ? List.copyOf(dcv) : List.of();
	}

	public CertificateValidationUpdated(String caStatus, String detail) {
		this(caStatus, detail, null, List.of());
	}

}
