/**
 * Bean Validation constraints shared by the services' request bodies: currencies and
 * amounts, so every API bounds money the same way.
 */
package com.rvssl.kit.validation;
