/**
 * The CAs' own push notifications (DigiCert-style webhooks, Sectigo-style status-code pushes):
 * authenticated, then the order they name is made due at once. Polling stays the safety net.
 */
package com.rvssl.statussync.push;
