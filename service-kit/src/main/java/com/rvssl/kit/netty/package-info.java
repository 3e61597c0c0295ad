/** Workarounds for the web server, applied once for every service. */
package com.rvssl.kit.netty;
