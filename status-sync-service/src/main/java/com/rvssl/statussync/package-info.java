/**
 * Status sync: the set of outstanding CA orders and when each is next checked. It learns
 * about orders from {@code CertificateSubmitted}, asks the ca-gateway for their status,
 * and publishes validation updates, issuance and rejection through an outbox.
 */
package com.rvssl.statussync;
