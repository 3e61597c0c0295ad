package com.rvssl.gateway.api;

import java.util.List;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Dcv;
import com.rvssl.gateway.submission.CaAction;
import com.rvssl.gateway.submission.SubmissionRecord;
import com.rvssl.gateway.submission.SubmissionState;

/**
 * Where an order's submission stands, the CA account it is placed with (null: the CA's
 * default account), the DCV method the CA validates it by, and the reissues and DCV
 * resends and changes asked since.
 */
record SubmissionSummary(String orderId, CertificateAuthority ca, String caAccount, String caOrderId,
		SubmissionState state, int attempts, String lastError, Dcv dcv, List<CaAction> caActions) {

	static SubmissionSummary of(SubmissionRecord record) {
		return new SubmissionSummary(record.orderId(), record.ca(), record.caAccount(), record.caOrderId(),
				record.state(), record.attempts(), record.lastError(), record.dcv(), record.caActions());
	}

}
