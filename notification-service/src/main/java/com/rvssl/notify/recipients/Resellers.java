package com.rvssl.notify.recipients;

import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/** The resellers announced by billing, by id and by API key hash. */
public interface Resellers extends ReactiveCrudRepository<Reseller, String> {

	Mono<Reseller> findFirstByApiKeyHash(String apiKeyHash);

}
