/**
 * Notification: emails customers and resellers about order and account events (SMTP),
 * with a delivery log that makes every delivery idempotent and retried. Webhooks to WHMCS
 * come later.
 */
package com.rvssl.notify;
