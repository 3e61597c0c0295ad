/**
 * The generated bad-input run over order-service's API, driven by its OpenAPI
 * description.
 */
package com.rvssl.order.badinput;
