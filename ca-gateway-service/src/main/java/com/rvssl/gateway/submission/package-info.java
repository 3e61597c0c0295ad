/**
 * Submissions: one {@link com.rvssl.gateway.submission.SubmissionRecord} per order holds
 * what to submit, where it stands, the events still to publish (outbox) and the ids of
 * the events applied. Every state change is one conditional atomic update of that
 * document, which is also what makes a redelivered PaymentCaptured unable to order twice:
 * only one update can claim the record.
 */
package com.rvssl.gateway.submission;
