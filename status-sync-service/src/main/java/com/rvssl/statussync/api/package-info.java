/**
 * The service's HTTP: the CAs' push receivers ({@code /ca-push}) and the internal admin
 * API ({@code /internal/v1}: tracked orders, their schedule promise, expiring
 * certificates), meant for the cluster network only, and this service's own errors as
 * problem details.
 */
package com.rvssl.statussync.api;
