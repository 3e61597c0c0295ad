package com.rvssl.order.security;

import reactor.core.publisher.Mono;

import com.rvssl.kit.problem.ProblemResponses;
import com.rvssl.kit.problem.Problems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a declared body larger than the API ever needs before reading it (413). Bodies
 * without a length (chunked) are still capped by the codecs' in-memory limit. First of
 * all filters, before authentication too: an oversized body is refused without looking up
 * its key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit implements WebFilter {

	private final long maxBodyBytes;

	public RequestSizeLimit(@Value("${rvssl.api.max-body-bytes:65536}") long maxBodyBytes) {
		this.maxBodyBytes = maxBodyBytes;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > maxBodyBytes) {
			return ProblemResponses.write(exchange,
					Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
							"request body of " + length + " bytes is over the limit of " + maxBodyBytes + " bytes"));
		}
		return chain.filter(exchange);
	}

}
