/**
 * Who is calling and how much: the resellers learnt from billing's ResellerRegistered
 * events, by the hash of their API key (the service kit checks the keys and the operator
 * key), and the request limits around authentication.
 */
package com.rvssl.order.security;
