package com.rvssl.billing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money invariants, read straight from billing's collections (not through its API, so
 * a bug in the API cannot hide one): for every account with nothing left in flight,
 * balance = the sum of its ledger entries; every order has at most one CHARGE and at most
 * one REFUND; a REFUND only follows a CHARGE; and no account shows an order as both
 * waiting and charged.
 */
final class BillingInvariants {

	private BillingInvariants() {
	}

	/**
	 * Asserts the invariants once; call it inside an await so in-flight work can finish
	 * first.
	 */
	static void assertHold(ReactiveMongoTemplate mongo) {
		List<Document> accounts = mongo.findAll(Document.class, "accounts").collectList().block();
		List<Document> ledger = mongo.findAll(Document.class, "ledger").collectList().block();
		Map<String, Long> sums = new HashMap<>();
		Map<String, Integer> charges = new HashMap<>();
		Map<String, Integer> refunds = new HashMap<>();
		for (Document entry : ledger) {
			sums.merge(entry.getString("resellerId"), entry.get("amount", Number.class).longValue(), Long::sum);
			String orderId = entry.getString("orderId");
			if ("CHARGE".equals(entry.getString("type"))) {
				charges.merge(orderId, 1, Integer::sum);
			}
			else if ("REFUND".equals(entry.getString("type"))) {
				refunds.merge(orderId, 1, Integer::sum);
			}
		}
		for (Document account : accounts) {
			String id = account.getString("_id");
			assertThat(account.getList("inflight", Document.class, List.of())).as("movements in flight of %s", id)
				.isEmpty();
			assertThat(account.get("balance", Number.class).longValue()).as("balance of %s = sum of its ledger", id)
				.isEqualTo(sums.getOrDefault(id, 0L));
			List<String> waiting = new ArrayList<>();
			account.getList("waiting", Document.class, List.of())
				.forEach((order) -> waiting.add(order.getString("orderId")));
			assertThat(waiting).as("orders of %s both waiting and charged", id).noneMatch(charges::containsKey);
			assertThat(waiting).as("orders of %s waiting twice", id).doesNotHaveDuplicates();
		}
		assertThat(charges).as("CHARGE entries per order").allSatisfy((order, count) -> assertThat(count).isOne());
		assertThat(refunds).as("REFUND entries per order").allSatisfy((order, count) -> {
			assertThat(count).isOne();
			assertThat(charges).as("a refunded order was charged").containsKey(order);
		});
	}

}
