/** Business metrics (balances, waiting orders, charges, refunds) and the MongoDB ping health check. */
package com.rvssl.billing.observability;
