/** Health the probes use: readiness needs the Kafka cluster (and MongoDB); liveness only the process. */
package com.rvssl.gateway.health;
