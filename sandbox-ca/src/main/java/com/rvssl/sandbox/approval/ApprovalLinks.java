package com.rvssl.sandbox.approval;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The links mailed and not used yet, and the domains approved through them. Kept in
 * memory only: after a restart old links answer "unknown", as an expired link would.
 */
@Component
class ApprovalLinks {

	private final SecureRandom random = new SecureRandom();

	private final Map<String, ApprovalLink> open = new ConcurrentHashMap<>();

	private final Set<String> used = ConcurrentHashMap.newKeySet();

	private final Map<Long, Set<String>> approved = new ConcurrentHashMap<>();

	ApprovalLink create(long orderId, String domain, String approver) {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		ApprovalLink link = new ApprovalLink(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), orderId,
				domain, approver);
		this.open.put(link.token(), link);
		return link;
	}

	/** The link still open under this token. */
	Optional<ApprovalLink> find(String token) {
		return Optional.ofNullable(this.open.get(token));
	}

	boolean wasUsed(String token) {
		return this.used.contains(token);
	}

	/** Uses the link up (only one caller wins) and records its domain as approved. */
	Optional<ApprovalLink> use(String token) {
		ApprovalLink link = this.open.remove(token);
		if (link == null) {
			return Optional.empty();
		}
		this.used.add(token);
		this.approved.computeIfAbsent(link.orderId(), (id) -> ConcurrentHashMap.newKeySet()).add(link.domain());
		return Optional.of(link);
	}

	/**
	 * The order's validation round is over: its approvals count no more, its unused links
	 * are unknown from now on.
	 */
	void forget(long orderId) {
		this.approved.remove(orderId);
		this.open.values().removeIf((link) -> link.orderId() == orderId);
	}

	Set<String> approvedDomains(long orderId) {
		return Set.copyOf(this.approved.getOrDefault(orderId, Set.of()));
	}

}
