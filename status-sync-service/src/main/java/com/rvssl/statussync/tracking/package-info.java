/**
 * The tracked orders: one document per order holding its state, what the CA last said,
 * when it is next checked, the lease of the instance checking it, and the events its
 * changes caused (outbox). Its stores are split by job: {@code TrackedOrders} follows an
 * order and writes each check's outcome, {@code DueChecks} claims the due checks,
 * {@code PushedOrders} takes the CAs' pushes, {@code IssuedCertificates} answers expiry
 * questions and records renewal reminders, and {@code PlacedOrders} keeps what
 * OrderPlaced said.
 */
package com.rvssl.statussync.tracking;
