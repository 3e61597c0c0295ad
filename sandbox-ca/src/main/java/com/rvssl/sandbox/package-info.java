/**
 * The sandbox certificate authority: a test CA that speaks the CAs' ordering APIs so that the
 * platform's adapters can be exercised without a real CA.
 */
package com.rvssl.sandbox;
