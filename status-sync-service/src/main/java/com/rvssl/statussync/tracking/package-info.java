/**
 * The tracked orders: one document per order holding its state, what the CA last said, when it is
 * next checked, the lease of the instance checking it, and the events its changes caused (outbox).
 */
package com.rvssl.statussync.tracking;
