/**
 * RFC 9457 problem details in the platform's one shape, from controllers and from web
 * filters alike.
 */
package com.rvssl.kit.problem;
