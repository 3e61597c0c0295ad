/**
 * Readiness checks every service shares, each under one name: {@code kafka} (the cluster
 * answers) and {@code mongo} (the database answers a ping).
 */
package com.rvssl.kit.health;
