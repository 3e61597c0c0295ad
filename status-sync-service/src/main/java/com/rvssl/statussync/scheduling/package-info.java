/**
 * When each order is next checked (per-CA minimum interval, back-off on gateway errors)
 * and the poll loop.
 */
package com.rvssl.statussync.scheduling;
