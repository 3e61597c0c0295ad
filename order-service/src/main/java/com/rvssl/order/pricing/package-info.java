/**
 * Resellers' own retail prices over the catalog's recommended ones, per product and term.
 */
package com.rvssl.order.pricing;
