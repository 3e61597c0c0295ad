/**
 * Status pushes, as the real CAs send them: DigiCert-style webhooks (registered through
 * the CA API, signed with the registration's secret in {@code X-WEBHOOK-KEY}) and
 * Sectigo-style form posts to the account's push URL. Tests switch them off, delay or
 * drop them through {@code /sandbox/push}, so that polling is exercised too; a delivery
 * the receiver does not take is retried a few times ({@code sandbox.push.*}), as the
 * vendors do.
 */
package com.rvssl.sandbox.push;
