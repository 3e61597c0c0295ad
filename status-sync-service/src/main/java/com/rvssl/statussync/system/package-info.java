/** Cross-cutting web and health plumbing: problem details and the MongoDB ping health indicator. */
package com.rvssl.statussync.system;
