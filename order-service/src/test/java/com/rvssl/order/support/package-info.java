/** Test support: real CSRs and certificate chains, an event probe on the orders topic, the shared context. */
package com.rvssl.order.support;
