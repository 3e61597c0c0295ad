/** Cross-cutting web plumbing: this service's own errors as problem details. */
package com.rvssl.statussync.system;
