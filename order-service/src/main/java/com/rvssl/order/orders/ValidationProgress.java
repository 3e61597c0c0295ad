package com.rvssl.order.orders;

import java.util.List;

import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.ValidationStage;

/**
 * The latest word from the CA's validation (the last
 * {@code CertificateValidationUpdated}): the stage, what each domain still has to show,
 * and the CA's sentence.
 */
public record ValidationProgress(ValidationStage stage, List<DcvInstruction> dcv, String detail) {

	public ValidationProgress {
		dcv = (dcv != null) ? List.copyOf(dcv) : List.of();
	}

}
