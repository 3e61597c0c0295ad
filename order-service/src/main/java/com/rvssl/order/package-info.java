/**
 * The order service: the public API for WHMCS, the catalog, orders and their status
 * views.
 */
package com.rvssl.order;
