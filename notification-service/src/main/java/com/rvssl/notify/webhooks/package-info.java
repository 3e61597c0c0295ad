/**
 * Webhooks to the resellers' WHMCS: the endpoint each reseller registered, the signed
 * body and its post.
 */
package com.rvssl.notify.webhooks;
