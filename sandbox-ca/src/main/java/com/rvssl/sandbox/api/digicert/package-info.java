/**
 * The DigiCert-style ordering API (CertCentral Services API v2 shapes) under
 * {@code /services/v2}: orders, their status, search, cancel, DCV email resend and
 * certificate download, behind the {@code X-DC-DEVKEY} key and DigiCert's request limits.
 */
package com.rvssl.sandbox.api.digicert;
