/**
 * The DigiCert-style adapter: CertCentral Services API v2 ({@code /services/v2}, header
 * {@code X-DC-DEVKEY}), as the sandbox CA speaks it. Our order id travels in
 * {@code comments}, so a lost reply can be found again with {@code filters[search]}.
 */
package com.rvssl.gateway.adapters.digicert;
