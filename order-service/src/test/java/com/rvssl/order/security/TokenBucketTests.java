package com.rvssl.order.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void aBurstPassesThenTheNextRequestWaitsAndTheBucketRefillsAtTheRate() {
		TokenBucket bucket = new TokenBucket(2, 3, 0);
		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).isEqualTo(1);

		assertThat(bucket.take(SECOND / 2)).isZero();
		assertThat(bucket.take(SECOND / 2)).isPositive();
		assertThat(bucket.take(10 * SECOND)).isZero();
		assertThat(bucket.take(10 * SECOND)).isZero();
		assertThat(bucket.take(10 * SECOND)).isZero();
		assertThat(bucket.take(10 * SECOND)).as("the burst caps what idle time saves up").isEqualTo(1);
	}

	@Test
	void aSlowRateAsksForALongerWait() {
		TokenBucket bucket = new TokenBucket(0.25, 1, 0);
		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).isEqualTo(4);
	}

}
