/** How the service looks to operators: health probes and metrics. */
package com.rvssl.order.operations;
