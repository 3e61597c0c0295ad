/** Business metrics: balances, waiting orders, charges and refunds. */
package com.rvssl.billing.observability;
