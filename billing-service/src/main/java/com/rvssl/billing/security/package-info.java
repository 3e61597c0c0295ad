/** API-key authentication: the operator key (by its configured hash) and reseller keys (by their stored hash). */
package com.rvssl.billing.security;
