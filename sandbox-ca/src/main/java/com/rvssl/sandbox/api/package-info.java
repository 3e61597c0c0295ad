/**
 * The sandbox's HTTP APIs, one sub-package each: the two CA APIs it imitates
 * ({@code digicert}, {@code sectigo}), each in its vendor's shapes, its own admin API for
 * tests ({@code admin}) and the page behind a mailed approval link ({@code approval}).
 * The CA's orders, validation and signing know nothing of them.
 */
package com.rvssl.sandbox.api;
