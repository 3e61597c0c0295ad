/** Shared by every service's integration tests through this module's test-jar; never on a runtime classpath. */
package com.rvssl.contracts.testing;
