/** Operational pieces: the MongoDB health check. */
package com.rvssl.order.system;
