package com.rvssl.order.security;

import java.time.Duration;
import java.util.UUID;

import com.rvssl.kit.security.ApiKeys;
import com.rvssl.order.support.OrderServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key lookup every request makes, against the real database: what it keeps in memory
 * and what it must not.
 */
class ResellerDirectoryIntegrationTests extends OrderServiceIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private ResellerDirectory directory;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void aKeyFoundOnceIsAnsweredWithoutTheDatabase() {
		String resellerId = "reseller-" + UUID.randomUUID();
		String keyHash = ApiKeys.hash("key-" + UUID.randomUUID());
		directory.register(resellerId, "Hosting", "USD", keyHash).block(WAIT);
		assertThat(directory.resellerIdOf(keyHash).block(WAIT)).isEqualTo(resellerId);

		mongo.remove(Query.query(Criteria.where("_id").is(resellerId)), Reseller.class).block(WAIT);

		assertThat(directory.findByKeyHash(keyHash).block(WAIT)).isNull();
		assertThat(directory.resellerIdOf(keyHash).block(WAIT)).isEqualTo(resellerId);
	}

	@Test
	void aKeyNotFoundIsAskedForAgain() {
		String resellerId = "reseller-" + UUID.randomUUID();
		String keyHash = ApiKeys.hash("key-" + UUID.randomUUID());
		assertThat(directory.resellerIdOf(keyHash).block(WAIT)).isNull();

		directory.register(resellerId, "Hosting", "USD", keyHash).block(WAIT);

		assertThat(directory.resellerIdOf(keyHash).block(WAIT)).isEqualTo(resellerId);
	}

	@Test
	void aNewKeyForTheResellerRetiresTheOneKept() {
		String resellerId = "reseller-" + UUID.randomUUID();
		String oldHash = ApiKeys.hash("key-" + UUID.randomUUID());
		String newHash = ApiKeys.hash("key-" + UUID.randomUUID());
		directory.register(resellerId, "Hosting", "USD", oldHash).block(WAIT);
		assertThat(directory.resellerIdOf(oldHash).block(WAIT)).isEqualTo(resellerId);

		directory.register(resellerId, "Hosting", "USD", newHash).block(WAIT);

		assertThat(directory.resellerIdOf(oldHash).block(WAIT)).isNull();
		assertThat(directory.resellerIdOf(newHash).block(WAIT)).isEqualTo(resellerId);
	}

}
