/**
 * The delivery log: one document per (event, channel, recipient), sent once, retried with
 * back-off, then dead.
 */
package com.rvssl.notify.deliveries;
