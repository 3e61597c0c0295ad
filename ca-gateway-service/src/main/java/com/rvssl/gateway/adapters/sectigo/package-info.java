/**
 * The Sectigo-style adapter: the reseller API ({@code /products/...}, form-encoded POSTs
 * with {@code loginName}/{@code loginPassword}, plain-text {@code key=value} replies,
 * {@code errorCode} first). Our order id travels in {@code uniqueValue}. Sectigo cannot
 * be searched by it, so a lost reply is recovered by ordering again: the CA refuses a
 * repeated {@code uniqueValue} with {@code errorCode=-4} naming
 * {@code existingOrderNumber}, and that order is adopted.
 */
package com.rvssl.gateway.adapters.sectigo;
