/**
 * Who is calling: API keys (compared as SHA-256 hex, never stored in clear), resellers learnt from
 * billing's ResellerRegistered events, the operator key from configuration, and request limits.
 */
package com.rvssl.order.security;
