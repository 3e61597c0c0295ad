/** Operational metrics: records sent to dead-letter topics. */
package com.rvssl.statussync.metrics;
