/**
 * Expiry of issued certificates: what expires soon, for renewal reminders (30, 7 and 1
 * days before).
 */
package com.rvssl.statussync.expiry;
