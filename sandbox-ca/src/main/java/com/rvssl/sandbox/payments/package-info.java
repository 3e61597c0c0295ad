/**
 * The sandbox payment provider, so that the local stack's top-ups are payments as in
 * production: payments asked for by billing (idempotent by the caller's key), paid or
 * failed on the sandbox's payment page or at once ({@code auto-confirm}, the default),
 * and reported to billing by callbacks signed as billing checks them
 * ({@code Rvssl-Payment-Signature: t=<seconds>,v1=<HMAC-SHA256 of "t.body">}), retried
 * with backoff until billing answers 2xx. Kept in memory only.
 */
package com.rvssl.sandbox.payments;
