/**
 * What every module's tests share: real infrastructure, real CSRs and certificates, topic
 * recording, structure rules.
 */
package com.rvssl.kit.test;
