package com.rvssl.gateway.adapters;

import java.util.List;

import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.ValidationStage;

/**
 * A CA order's status: {@code state} in our words, {@code caStatus} the CA's own word,
 * {@code detail} what a person would want to read (who must approve, why it was
 * rejected), {@code stage} where a pending order stands in the CA's checks (null once it
 * is not pending, or when the CA does not say) and {@code dcv} what each domain still has
 * to show (empty when nothing is to be done).
 */
public record CaOrderStatus(State state, String caStatus, String detail, ValidationStage stage,
		List<DcvInstruction> dcv) {

	public CaOrderStatus {
		dcv = (dcv != null) ? List.copyOf(dcv) : List.of();
	}

	public CaOrderStatus(State state, String caStatus, String detail) {
		this(state, caStatus, detail, null, List.of());
	}

	public enum State {

		PENDING_VALIDATION, ISSUED, REJECTED, CANCELLED

	}

}
