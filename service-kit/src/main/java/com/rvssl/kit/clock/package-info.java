/**
 * The service's {@link java.time.Clock}: the system's in UTC, or, for whole-platform
 * walks across months (a plan's reissues), one that an operator's call moves forward.
 */
package com.rvssl.kit.clock;
