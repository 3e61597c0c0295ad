/** Health the probes use: readiness needs the Kafka cluster (and MongoDB, see the system package); liveness only the process. */
package com.rvssl.order.health;
