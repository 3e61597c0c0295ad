/**
 * The transactional outbox: events stored in the document whose change caused them, and
 * the one relay engine that publishes them, claim-safe across replicas.
 */
package com.rvssl.kit.outbox;
