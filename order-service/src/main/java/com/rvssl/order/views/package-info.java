/**
 * The three ways an order's status is shown: the WHMCS client area (the end customer),
 * the WHMCS admin area (the reseller's staff) and the reseller's account on the provider.
 */
package com.rvssl.order.views;
