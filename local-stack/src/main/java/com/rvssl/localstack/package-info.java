/**
 * The one-command local stack: infrastructure (Kafka broker, MongoDB wire server, SMTP
 * catcher), the sandbox CA and the five services, each service in a JVM of its own as in
 * production.
 */
package com.rvssl.localstack;
