/**
 * The products resellers can sell, with wholesale and recommended retail prices, from a
 * versioned data file.
 */
package com.rvssl.order.catalog;
