/** Running concerns: health of this service's own MongoDB (by {@code ping}; the wire server has no {@code hello}). */
package com.rvssl.gateway.system;
