/** Periodic work that never overlaps itself and survives a failed round. */
package com.rvssl.kit.work;
