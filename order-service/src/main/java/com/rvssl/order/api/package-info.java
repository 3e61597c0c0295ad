/**
 * The public HTTP API WHMCS calls ({@code /api/v1}): requests are read and checked here
 * (JSON, bean validation, catalog, domains, CSR, DCV) before anything is stored, and
 * every error is a problem+json.
 */
package com.rvssl.order.api;
