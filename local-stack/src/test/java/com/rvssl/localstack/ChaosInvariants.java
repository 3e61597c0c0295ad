package com.rvssl.localstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.Topics;

/**
 * Reads every service's data, the sandbox CA's books, the WHMCS endpoints' log and the
 * broker's dead-letter topics once the chaos run has settled, and checks the platform's
 * promises against them: nothing stuck, lost, charged or placed twice. Each check counts
 * what it looked at, so the report shows that it had something to check.
 */
final class ChaosInvariants {

	/**
	 * Documents per reply when reading a whole collection: the wire server answers a find
	 * without a batch size in one reply, which past about 10,000 orders' webhook
	 * deliveries outgrows the driver's 48 MB limit.
	 */
	private static final int BATCH = 1_000;

	static final Set<String> FINAL = Set.of("ISSUED", "REJECTED", "CANCELLED");

	/** What the checker found: figures (name, count) and violations (what, which). */
	static final class Report {

		private final Map<String, Long> figures = new LinkedHashMap<>();

		private final Map<String, List<String>> violations = new LinkedHashMap<>();

		void figure(String name, long value) {
			figures.put(name, value);
		}

		void check(String invariant, List<String> offenders) {
			figures.put("checked: " + invariant + " (violations)", (long) offenders.size());
			if (!offenders.isEmpty()) {
				violations.put(invariant, offenders.subList(0, Math.min(20, offenders.size())));
			}
		}

		Map<String, Long> figures() {
			return figures;
		}

		Map<String, List<String>> violations() {
			return violations;
		}

	}

	private final LocalStack stack;

	private final ChaosCalls calls;

	ChaosInvariants(LocalStack stack, ChaosCalls calls) {
		this.stack = stack;
		this.calls = calls;
	}

	/**
	 * What has not settled yet, counted by kind: orders of the run neither final nor
	 * waiting for payment (by state), events not yet published from an outbox (by
	 * service), records a consumer group has not read yet (by group), deliveries still
	 * being retried. Empty once the platform has nothing left to do.
	 */
	Map<String, Long> unsettled(Set<String> orderIds) {
		Map<String, Long> open = new TreeMap<>();
		try (MongoClient mongo = MongoClients.create(stack.mongoUri(PlatformService.ORDER))) {
			for (Document order : orders(mongo)) {
				if (orderIds.contains(order.getString("_id")) && !settled(order)) {
					open.merge("order " + order.getString("state") + (pendingCancel(order) ? " (cancel pending)" : ""),
							1L, Long::sum);
				}
			}
			OUTBOXES.forEach((service, collection) -> {
				long pending = mongo.getDatabase(service.database())
					.getCollection(collection)
					.countDocuments(Filters.exists("outbox.0"));
				if (pending > 0) {
					open.put("outbox of " + service.module(), pending);
				}
			});
			long retrying = mongo.getDatabase(PlatformService.NOTIFICATION.database())
				.getCollection("deliveries")
				.countDocuments(Filters.eq("status", "RETRYING"));
			if (retrying > 0) {
				open.put("deliveries retrying", retrying);
			}
		}
		consumerLag().forEach((group, lag) -> {
			if (lag > 0) {
				open.put("unread by " + group, lag);
			}
		});
		return open;
	}

	/** The collections whose documents carry an outbox, by the service that owns them. */
	private static final Map<PlatformService, String> OUTBOXES = Map.of(PlatformService.ORDER, "orders",
			PlatformService.BILLING, "accounts", PlatformService.CA_GATEWAY, "submissions", PlatformService.STATUS_SYNC,
			"tracked_orders");

	/** Records not yet consumed, per consumer group, over the platform's two topics. */
	private Map<String, Long> consumerLag() {
		try (Admin admin = admin()) {
			Map<String, Long> lag = new TreeMap<>();
			Map<TopicPartition, Long> ends = new HashMap<>();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(List.of(Topics.ORDERS, Topics.ACCOUNTS))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.forEach((name, description) -> description.partitions()
					.forEach((p) -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
			admin.listOffsets(latest)
				.all()
				.get(30, TimeUnit.SECONDS)
				.forEach((partition, info) -> ends.put(partition, info.offset()));
			for (var group : admin.listGroups().all().get(30, TimeUnit.SECONDS)) {
				Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
					.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get(30, TimeUnit.SECONDS);
				long behind = 0;
				for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
					var offset = committed.get(end.getKey());
					if (offset != null
							|| committed.keySet().stream().anyMatch((p) -> p.topic().equals(end.getKey().topic()))) {
						behind += end.getValue() - ((offset != null) ? offset.offset() : 0);
					}
				}
				lag.put(group.groupId(), behind);
			}
			return lag;
		}
		catch (Exception ex) {
			// the broker may be restarting: not settled yet
			return Map.of("(lag unknown: " + ex + ")", 1L);
		}
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
	}

	Report check(ChaosWorkload workload, WebhookReceiver whmcs) {
		Report report = new Report();
		Map<String, ChaosWorkload.Planned> placed = workload.placed();
		Map<String, Document> orders = new HashMap<>();
		List<Document> ledger;
		List<Document> accounts;
		List<Document> webhookDeliveries;
		try (MongoClient client = MongoClients.create(stack.mongoUri(PlatformService.ORDER))) {
			orders(client).forEach((order) -> orders.put(order.getString("_id"), order));
			ledger = client.getDatabase(PlatformService.BILLING.database())
				.getCollection("ledger")
				.find()
				.batchSize(BATCH)
				.into(new ArrayList<>());
			accounts = client.getDatabase(PlatformService.BILLING.database())
				.getCollection("accounts")
				.find()
				.batchSize(BATCH)
				.into(new ArrayList<>());
			webhookDeliveries = client.getDatabase(PlatformService.NOTIFICATION.database())
				.getCollection("deliveries")
				.find(Filters.eq("channel", "WEBHOOK"))
				.batchSize(BATCH)
				.into(new ArrayList<>());
		}
		Map<String, List<JsonNode>> caOrdersByReference = new HashMap<>();
		for (JsonNode caOrder : calls.http().get(stack.sandboxUrl() + "/sandbox/orders", null).body()) {
			caOrdersByReference.computeIfAbsent(caOrder.path("reference").asString(), (k) -> new ArrayList<>())
				.add(caOrder);
		}

		report.figure("orders placed by the resellers", placed.size());
		Map<String, Long> byState = placed.keySet()
			.stream()
			.map((id) -> orders.containsKey(id) ? orders.get(id).getString("state") : "MISSING")
			.collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
		byState.forEach((state, count) -> report.figure("orders " + state, count));

		report.check("every placed order exists and is final or waiting for payment",
				placed.keySet()
					.stream()
					.filter((id) -> !orders.containsKey(id) || !settled(orders.get(id)))
					.map((id) -> id + " " + (orders.containsKey(id) ? describe(orders.get(id)) : "missing"))
					.toList());

		checkMoney(report, placed, orders, ledger, accounts);
		checkPlacements(report, placed, orders, caOrdersByReference);
		checkViews(report, placed, orders);
		checkWebhooks(report, placed, orders, webhookDeliveries, whmcs);
		checkDeadLetters(report);
		return report;
	}

	private void checkMoney(Report report, Map<String, ChaosWorkload.Planned> placed, Map<String, Document> orders,
			List<Document> ledger, List<Document> accounts) {
		Map<String, List<Document>> byOrder = ledger.stream()
			.filter((entry) -> entry.getString("orderId") != null)
			.collect(Collectors.groupingBy((entry) -> entry.getString("orderId")));
		long charges = ledger.stream().filter((e) -> "CHARGE".equals(e.getString("type"))).count();
		long refunds = ledger.stream().filter((e) -> "REFUND".equals(e.getString("type"))).count();
		report.figure("ledger entries", ledger.size());
		report.figure("charges", charges);
		report.figure("refunds", refunds);
		List<String> chargedTwice = new ArrayList<>();
		List<String> wrongRefund = new ArrayList<>();
		List<String> wrongCharge = new ArrayList<>();
		for (String id : placed.keySet()) {
			Document order = orders.get(id);
			List<Document> entries = byOrder.getOrDefault(id, List.of());
			long orderCharges = entries.stream().filter((e) -> "CHARGE".equals(e.getString("type"))).count();
			long orderRefunds = entries.stream().filter((e) -> "REFUND".equals(e.getString("type"))).count();
			if (orderCharges > 1 || orderRefunds > 1) {
				chargedTwice.add(id + " charged " + orderCharges + "x, refunded " + orderRefunds + "x");
			}
			String state = (order != null) ? order.getString("state") : "MISSING";
			boolean reachedCa = order != null && order.getString("caOrderId") != null;
			// refunded exactly when charged and the CA cancelled, rejected or never got
			// it
			boolean refundDue = orderCharges == 1 && ("REJECTED".equals(state) || ("CANCELLED".equals(state)));
			if ((orderRefunds == 1) != refundDue) {
				wrongRefund.add(id + " " + state + (reachedCa ? " at the CA" : "") + ", charged " + orderCharges
						+ "x, refunded " + orderRefunds + "x");
			}
			boolean chargeDue = !"WAITING_FOR_PAYMENT".equals(state);
			boolean chargeExpected = chargeDue || orderCharges == 0;
			long wholesale = (order != null) ? order.get("price", Document.class)
				.get("wholesale", Document.class)
				.get("amount", Number.class)
				.longValue() : -1;
			boolean rightAmount = entries.stream()
				.filter((e) -> "CHARGE".equals(e.getString("type")))
				.allMatch((e) -> e.get("amount", Number.class).longValue() == -wholesale);
			if (!chargeExpected || !rightAmount || ("ISSUED".equals(state) && orderCharges != 1)) {
				wrongCharge
					.add(id + " " + state + " charged " + orderCharges + "x (right amount: " + rightAmount + ")");
			}
		}
		report.check("each order charged at most once", chargedTwice);
		report.check("issued orders charged once at their wholesale price, waiting ones never", wrongCharge);
		report.check("refunds exactly for charged orders the CA cancelled, rejected or never got", wrongRefund);

		Map<String, Long> ledgerSums = ledger.stream()
			.collect(Collectors.groupingBy((e) -> e.getString("resellerId"),
					Collectors.summingLong((e) -> e.get("amount", Number.class).longValue())));
		List<String> unbalanced = new ArrayList<>();
		for (Document account : accounts) {
			long balance = account.get("balance", Number.class).longValue();
			long sum = ledgerSums.getOrDefault(account.getString("_id"), 0L);
			if (balance != sum || balance < 0) {
				unbalanced.add(account.getString("_id") + " balance " + balance + ", ledger sum " + sum);
			}
		}
		report.figure("accounts", accounts.size());
		report.check("every balance equals the sum of its ledger and is not negative", unbalanced);
		report.check("no ledger entry leaves a balance below zero",
				ledger.stream()
					.filter((e) -> e.get("balanceAfter", Number.class).longValue() < 0)
					.map((e) -> e.getString("_id") + " balanceAfter " + e.get("balanceAfter"))
					.toList());
	}

	private static void checkPlacements(Report report, Map<String, ChaosWorkload.Planned> placed,
			Map<String, Document> orders, Map<String, List<JsonNode>> caOrdersByReference) {
		report.figure("CA orders in the sandbox's books",
				caOrdersByReference.values().stream().mapToLong(List::size).sum());
		List<String> wrongCount = new ArrayList<>();
		for (String id : placed.keySet()) {
			Document order = orders.get(id);
			String state = (order != null) ? order.getString("state") : "MISSING";
			int atCa = caOrdersByReference.getOrDefault(id, List.of()).size();
			boolean paid = !"WAITING_FOR_PAYMENT".equals(state) && order != null
					&& order.getString("caOrderId") != null;
			// issued or rejected by the CA: placed exactly once; never paid: never
			// placed;
			// cancelled: at most once (before or after it reached the CA)
			boolean right = switch (state) {
				case "ISSUED", "REJECTED" -> atCa == 1;
				case "WAITING_FOR_PAYMENT" -> atCa == 0;
				case "CANCELLED" -> atCa <= 1;
				default -> false;
			};
			if (!right || (paid && atCa == 0)) {
				wrongCount.add(id + " " + state + " placed at the CA " + atCa + "x");
			}
		}
		report.check("each paid order placed at the CA exactly once", wrongCount);
		report.check("no CA order without a platform order",
				caOrdersByReference.keySet()
					.stream()
					.filter((reference) -> !orders.containsKey(reference))
					.map((reference) -> reference + " (" + caOrdersByReference.get(reference).size() + " CA orders)")
					.toList());
		List<String> issuedMismatch = new ArrayList<>();
		for (String id : placed.keySet()) {
			Document order = orders.get(id);
			if (order != null && "ISSUED".equals(order.getString("state"))) {
				List<JsonNode> atCa = caOrdersByReference.getOrDefault(id, List.of());
				boolean match = atCa.size() == 1 && "issued".equals(atCa.get(0).path("status").asString())
						&& atCa.get(0)
							.path("serialNumber")
							.asString()
							.equalsIgnoreCase(order.get("certificate", Document.class).getString("serialNumber"));
				if (!match) {
					issuedMismatch.add(id + " CA books: " + atCa);
				}
			}
		}
		report.check("every issued order holds the certificate the CA issued for it", issuedMismatch);
	}

	private void checkViews(Report report, Map<String, ChaosWorkload.Planned> placed, Map<String, Document> orders) {
		List<String> issued = placed.keySet()
			.stream()
			.filter((id) -> orders.containsKey(id) && "ISSUED".equals(orders.get(id).getString("state")))
			.toList();
		Map<String, Long> viewStatuses = new ConcurrentHashMap<>();
		List<String> invisible = java.util.Collections.synchronizedList(new ArrayList<>());
		// a few at a time: each reseller key may make 20 calls a second
		java.util.concurrent.ForkJoinPool readers = new java.util.concurrent.ForkJoinPool(4);
		try {
			readers
				.submit(() -> issued.parallelStream().forEach((id) -> readViews(id, placed, viewStatuses, invisible)))
				.join();
		}
		finally {
			readers.shutdown();
		}
		viewStatuses.forEach((views, count) -> report.figure("issued orders whose views read: " + views, count));
		report.check("every issued certificate visible in all three views and downloadable", invisible);
	}

	private void readViews(String id, Map<String, ChaosWorkload.Planned> placed, Map<String, Long> viewStatuses,
			List<String> invisible) {
		String key = placed.get(id).reseller().key();
		String base = stack.url(PlatformService.ORDER) + "/api/v1/orders/" + id;
		JsonNode order = calls.retrying("read order " + id, () -> calls.http().get(base, key)).body();
		String views = order.at("/views/client/status").asString() + " | " + order.at("/views/admin/status").asString()
				+ " | " + order.at("/views/provider/status").asString();
		viewStatuses.merge(views, 1L, Long::sum);
		String pem = calls.text("download certificate of " + id, base + "/certificate?format=pem", key);
		if (!"Complete".equals(order.at("/views/provider/status").asString())
				|| order.at("/views/client/status").asString().isBlank()
				|| order.at("/views/admin/status").asString().isBlank()
				|| order.at("/certificate/serialNumber").asString().isBlank() || !pem.contains("BEGIN CERTIFICATE")) {
			invisible.add(id + " views " + views);
		}
	}

	private static void checkWebhooks(Report report, Map<String, ChaosWorkload.Planned> placed,
			Map<String, Document> orders, List<Document> deliveries, WebhookReceiver whmcs) {
		Map<String, WebhookReceiver.Received> received = whmcs.received();
		report.figure("webhook deliveries logged by notification", deliveries.size());
		report.figure("webhooks received by WHMCS (distinct deliveries)", received.size());
		report.figure("webhook requests WHMCS answered (incl. retries)", whmcs.requests());
		report.figure("webhook requests WHMCS refused with 503", whmcs.refused());
		report.check("every webhook delivery sent and received",
				deliveries.stream()
					.filter((d) -> !"SENT".equals(d.getString("status")) || !received.containsKey(d.getString("_id")))
					.map((d) -> d.getString("_id") + " " + d.getString("event") + " of " + d.getString("orderId") + " "
							+ d.getString("status") + ", received " + received.containsKey(d.getString("_id")))
					.toList());
		Set<String> issuedHeard = received.values()
			.stream()
			.filter((r) -> "CertificateIssued".equals(r.event()))
			.map(WebhookReceiver.Received::orderId)
			.collect(Collectors.toSet());
		report.check("WHMCS heard of every issued certificate",
				placed.keySet()
					.stream()
					.filter((id) -> orders.containsKey(id) && "ISSUED".equals(orders.get(id).getString("state")))
					.filter((id) -> !issuedHeard.contains(id))
					.toList());
	}

	private void checkDeadLetters(Report report) {
		try (Admin admin = admin()) {
			List<String> deadLetterTopics = admin.listTopics()
				.names()
				.get(30, TimeUnit.SECONDS)
				.stream()
				.filter((topic) -> topic.equals(Topics.deadLetterOf(Topics.ORDERS))
						|| topic.equals(Topics.deadLetterOf(Topics.ACCOUNTS)))
				.toList();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(deadLetterTopics)
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.forEach((name, description) -> description.partitions()
					.forEach((p) -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
			Map<String, Long> records = new TreeMap<>();
			admin.listOffsets(latest)
				.all()
				.get(30, TimeUnit.SECONDS)
				.forEach((partition, info) -> records.merge(partition.topic(), info.offset(), Long::sum));
			report.figure("dead-letter topics found", deadLetterTopics.size());
			report.check("nothing in a dead-letter topic",
					records.entrySet()
						.stream()
						.filter((e) -> e.getValue() > 0)
						.map((e) -> e.getKey() + ": " + e.getValue())
						.toList());
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read the dead-letter topics", ex);
		}
	}

	private static List<Document> orders(MongoClient mongo) {
		return mongo.getDatabase(PlatformService.ORDER.database())
			.getCollection("orders")
			.find()
			.projection(new Document("outbox", 0).append("pemChain", 0).append("csr", 0).append("timeline", 0))
			.batchSize(BATCH)
			.into(new ArrayList<>());
	}

	private static boolean settled(Document order) {
		String state = order.getString("state");
		return (FINAL.contains(state) || "WAITING_FOR_PAYMENT".equals(state)) && !pendingCancel(order);
	}

	private static boolean pendingCancel(Document order) {
		Document cancellation = order.get("cancellation", Document.class);
		return cancellation != null && cancellation.get("refusal") == null
				&& !"CANCELLED".equals(order.getString("state"));
	}

	private static String describe(Document order) {
		return order.getString("state") + (pendingCancel(order) ? " (cancel pending)" : "") + ", CA order "
				+ order.getString("caOrderId");
	}

}
