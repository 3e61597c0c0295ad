package com.rvssl.sandbox.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The sandbox's view of the internet, set by tests through the admin API: where a
 * domain's web server answers (domain → {@code host:port}, typically a loopback server of
 * the test) and which TXT and CNAME records exist. Names are case-insensitive, as in DNS.
 */
@Component
public class TestNetwork {

	/** One DNS record. */
	public record DnsRecord(String name, String type, String value) {
	}

	private final Map<String, String> addresses = new ConcurrentHashMap<>();

	private final Map<String, DnsRecord> records = new ConcurrentHashMap<>();

	public void route(String domain, String hostAndPort) {
		this.addresses.put(key(domain), hostAndPort);
	}

	public void unroute(String domain) {
		this.addresses.remove(key(domain));
	}

	public Optional<String> addressOf(String domain) {
		return Optional.ofNullable(this.addresses.get(key(domain)));
	}

	public Map<String, String> routes() {
		return Map.copyOf(this.addresses);
	}

	/**
	 * Sets the record of that name and type (one value each, as the sandbox needs no
	 * more).
	 */
	public void putRecord(DnsRecord record) {
		this.records.put(key(record.name()) + " " + record.type(), record);
	}

	public void removeRecords(String name) {
		String prefix = key(name) + " ";
		this.records.keySet().removeIf((k) -> k.startsWith(prefix));
	}

	public Optional<DnsRecord> lookup(String name, String type) {
		return Optional.ofNullable(this.records.get(key(name) + " " + type));
	}

	public List<DnsRecord> records() {
		return List.copyOf(this.records.values());
	}

	private static String key(String name) {
		String trimmed = name.trim().toLowerCase(Locale.ROOT);
		return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

}
