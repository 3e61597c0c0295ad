/**
 * The sandbox certificate authority: a test CA that speaks the CAs' ordering APIs so that
 * the platform's adapters can be exercised without a real CA: a
 * DigiCert-CertCentral-style JSON API ({@code /services/v2}) and a Sectigo-reseller-style
 * form API ({@code /products}), one signing authority behind both.
 */
package com.rvssl.sandbox;
