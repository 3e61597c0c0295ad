package com.rvssl.billing.accounts;

import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import static org.assertj.core.api.Assertions.assertThat;

class AccountMappingTests {

	@Test
	void anAccountStoredBeforeTheLowCreditLineExistedReadsWithNoThresholdAndNoSignalSent() {
		MongoCustomConversions conversions = new MongoCustomConversions(List.of());
		MongoMappingContext context = new MongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		Document stored = new Document("_id", "r1").append("name", "Hosting")
			.append("currency", "USD")
			.append("apiKeyHash", "hash")
			.append("createdAt", new Date())
			.append("balance", 500L)
			.append("version", 3L)
			.append("ledgerSeq", 2L)
			.append("waiting", List.of())
			.append("inflight", List.of())
			.append("outbox", List.of());

		Account account = converter.read(Account.class, stored);

		assertThat(account.balance()).isEqualTo(500);
		assertThat(account.lowCreditThreshold()).isZero();
		assertThat(account.creditLowSignalled()).isFalse();
	}

}
