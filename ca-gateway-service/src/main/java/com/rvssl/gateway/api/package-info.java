/**
 * The internal REST API status-sync calls ({@code /internal/v1/orders/...}): a
 * submission's summary, the CA's status of the order now, and the issued certificate.
 * Every call to a CA goes through the gateway, so status-sync asks here instead of asking
 * the CA.
 * <p>
 * No authentication in this walking skeleton: these paths are meant for the internal
 * network only and must not be exposed through an ingress (a later issue adds
 * service-to-service auth).
 */
package com.rvssl.gateway.api;
