/**
 * The emails: their plain-text templates and the SMTP sender (blocking, so kept off event
 * loops).
 */
package com.rvssl.notify.email;
