/** Cross-cutting plumbing: the collections' indexes. */
package com.rvssl.notify.system;
