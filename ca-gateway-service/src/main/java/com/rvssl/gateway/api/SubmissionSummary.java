package com.rvssl.gateway.api;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.gateway.submission.SubmissionRecord;
import com.rvssl.gateway.submission.SubmissionState;

/** Where an order's submission stands. */
record SubmissionSummary(String orderId, CertificateAuthority ca, String caOrderId, SubmissionState state,
		int attempts, String lastError) {

	static SubmissionSummary of(SubmissionRecord record) {
		return new SubmissionSummary(record.orderId(), record.ca(), record.caOrderId(), record.state(),
				record.attempts(), record.lastError());
	}

}
