/**
 * The CAs' own push notifications (DigiCert-style webhooks, Sectigo-style status-code
 * pushes): authenticated by a shared secret, then the order they name is made due at
 * once. Polling stays the safety net. They reach the service through the api package.
 */
package com.rvssl.statussync.push;
