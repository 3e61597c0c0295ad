/**
 * End-to-end scenarios of the gateway with a real broker, a real MongoDB wire server and
 * the sandbox CA in-process.
 */
package com.rvssl.gateway.scenarios;
