/** API keys: the caller is the operator (configured hash) or a reseller (hash from ResellerRegistered). */
package com.rvssl.notify.security;
