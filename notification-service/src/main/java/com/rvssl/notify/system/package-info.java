/** Cross-cutting plumbing: the MongoDB ping health indicator and the collections' indexes. */
package com.rvssl.notify.system;
