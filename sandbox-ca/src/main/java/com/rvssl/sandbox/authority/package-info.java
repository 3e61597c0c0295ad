/**
 * The sandbox CA's key material (a root and an intermediate it creates, or loads from the
 * data directory) and the signing of leaf certificates from CSRs.
 */
package com.rvssl.sandbox.authority;
