/**
 * Who to write to: each order's customer (from OrderPlaced) and each reseller (from
 * ResellerRegistered).
 */
package com.rvssl.notify.recipients;
