/**
 * Per-reseller settings: the Auto Order Setup that decides whether a configured order
 * goes to billing by itself.
 */
package com.rvssl.order.settings;
