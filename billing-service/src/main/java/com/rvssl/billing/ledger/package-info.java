/**
 * The append-only credit ledger. Entry ids derive from their cause
 * ({@code <orderId>:CHARGE}, {@code <orderId>:REFUND}, {@code topup:<resellerId>:<key>}),
 * so writing one twice is harmless.
 */
package com.rvssl.billing.ledger;
