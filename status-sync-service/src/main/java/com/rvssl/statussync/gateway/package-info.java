/**
 * HTTP client of the ca-gateway's internal API: every call to a CA goes through the
 * gateway.
 */
package com.rvssl.statussync.gateway;
