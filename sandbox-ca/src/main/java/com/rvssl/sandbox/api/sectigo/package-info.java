/**
 * The Sectigo-style reseller API under {@code /products/**}: POST only, form-encoded,
 * with {@code loginName} and {@code loginPassword} on every call, answered in plain text
 * one {@code key=value} a line, {@code errorCode} first (URL-encoded on one line with
 * {@code responseFormat=1}). A GET answers {@code errorCode=-17}.
 *
 * <p>
 * Sandbox choices where the public docs leave room: a repeated {@code uniqueValue} is
 * refused with {@code errorCode=-4}, {@code errorItem=uniqueValue} and
 * {@code existingOrderNumber=<n>}, so a caller whose reply was lost finds its order by
 * ordering again; certificates travel as one-line base64 values ({@code certificate},
 * {@code caCertificate1..n}, or {@code pkcs7}); {@code statusCode} in CollectSSL uses the
 * push codes (6 issued, 7 rejected, 8 revoked or cancelled, 12 awaiting brand validation
 * for OV/EV) and 2 for a DV order awaiting validation. HTTPS is not enforced ({@code -1}
 * is never answered).
 */
package com.rvssl.sandbox.api.sectigo;
