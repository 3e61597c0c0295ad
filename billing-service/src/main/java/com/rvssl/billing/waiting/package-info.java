/**
 * The per-reseller queue of orders waiting for payment, and the strict FIFO rule that
 * releases them.
 */
package com.rvssl.billing.waiting;
