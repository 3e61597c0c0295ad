/**
 * The CA orders the sandbox holds, whichever API they came through: their lifecycle
 * (pending, then issued, rejected or canceled; an issued order reissued over a new CSR or
 * revoked, refunded within the refund window), the DV auto-approval and the order book
 * that keeps them (in memory, snapshotted to the data directory when one is set).
 */
package com.rvssl.sandbox.orders;
