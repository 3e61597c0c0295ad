package com.rvssl.notify.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The target rules without a server: each kind of non-public address, the URL shapes, the
 * defaults (https, public only) bound as the service binds them, and the local stack's
 * settings.
 */
class WebhookTargetPolicyTests {

	private static final WebhookTargetPolicy DEFAULTS = policy(Map.of());

	private static final WebhookTargetPolicy LOCAL_STACK = policy(Map.of("rvssl.notify.webhook.allow-http", "true",
			"rvssl.notify.webhook.allowed-networks", "127.0.0.0/8,::1/128"));

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			127.0.0.1            | loopback
			127.255.255.254      | loopback
			::1                  | loopback
			10.0.0.1             | private
			172.16.0.1           | private
			172.31.255.255       | private
			192.168.0.1          | private
			fc00::1              | private
			fd00:ec2::254        | private
			fec0::1              | private
			169.254.169.254      | link-local
			169.254.0.1          | link-local
			fe80::1              | link-local
			febf::1              | link-local
			224.0.0.1            | multicast
			239.255.255.250      | multicast
			ff02::1              | multicast
			0.0.0.0              | unspecified
			::                   | unspecified
			100.64.0.1           | carrier-grade NAT
			100.127.255.254      | carrier-grade NAT
			0.1.2.3              | reserved
			255.255.255.255      | reserved
			192.0.2.1            | reserved
			2001:db8::1          | reserved
			::ffff:127.0.0.1     | loopback
			::ffff:a9fe:a9fe     | link-local
			::ffff:10.0.0.1      | private
			64:ff9b::7f00:1      | loopback
			64:ff9b::a9fe:a9fe   | link-local
			::127.0.0.1          | loopback
			2002:7f00:1::1       | loopback
			2002:a9fe:a9fe::1    | link-local
			""")
	void refusesEachKindOfNonPublicAddress(String literal, String kind) throws UnknownHostException {
		assertThat(DEFAULTS.addressProblem(address(literal)))
			.hasValueSatisfying(words -> assertThat(words).contains(kind));
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255",
			"100.128.0.1", "169.253.255.255", "2606:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8",
			"64:ff9b::808:808", "2002:808:808::1" })
	void acceptsPublicAddresses(String literal) throws UnknownHostException {
		assertThat(DEFAULTS.addressProblem(address(literal))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			http://whmcs.example.com/hook                  | must be an https URL
			ftp://whmcs.example.com/hook                   | must be an https URL
			file:///etc/passwd                             | must be an https URL
			jar:https://whmcs.example.com/x.jar!/          | must be an https URL
			mailto:ops@example.com                         | must be an https URL
			not a url                                      | must be an https URL
			//whmcs.example.com/hook                       | must be an https URL
			https://user@whmcs.example.com/hook            | must not carry a user name or password
			https://whmcs.example.com/hook#fragment        | must not have a fragment
			https:///hook                                  | must name a host
			https://under_score.example.com/hook           | must name a host
			https://[fe80::1%25eth0]/hook                  | zone
			https://2130706433/hook                        | four decimal numbers
			https://0x7f000001/hook                        | four decimal numbers
			https://0x7f.0.0.1/hook                        | four decimal numbers
			https://0177.0.0.1/hook                        | four decimal numbers
			https://127.1:8443/hook                        | four decimal numbers
			https://127.0.0.1/hook                         | 127.0.0.1 is a loopback address
			https://[::ffff:169.254.169.254]/hook          | link-local
			""")
	void refusesUnsafeUrlShapes(String url, String problem) {
		assertThat(DEFAULTS.urlProblem(url)).hasValueSatisfying(words -> assertThat(words).contains(problem));
	}

	@Test
	void refusesAVeryLongUrl() {
		assertThat(DEFAULTS.urlProblem("https://whmcs.example.com/" + "a".repeat(2000))).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://whmcs.example.com/modules/addons/rvssl/callback.php",
			"HTTPS://WHMCS.example.com:8443/callback.php?from=rvssl", "https://93.184.215.14/hook",
			"https://[2606:4700::1111]/hook" })
	void acceptsHttpsToAPublicHost(String url) {
		assertThat(DEFAULTS.urlProblem(url)).isEmpty();
	}

	@Test
	void theLocalStackSettingsAllowPlainHttpAndLoopbackOnly() throws UnknownHostException {
		assertThat(LOCAL_STACK.urlProblem("http://127.0.0.1:18480/modules/addons/rvssl/callback.php")).isEmpty();
		assertThat(LOCAL_STACK.urlProblem("http://[::1]:18480/callback.php")).isEmpty();
		assertThat(LOCAL_STACK.addressProblem(address("127.0.0.1"))).isEmpty();
		assertThat(LOCAL_STACK.urlProblem("gopher://127.0.0.1/")).hasValue("must be an http or https URL");
		for (String other : List.of("169.254.169.254", "10.0.0.1", "192.168.1.1", "fd00::1", "fe80::1", "0.0.0.0")) {
			assertThat(LOCAL_STACK.addressProblem(address(other))).as(other).isPresent();
		}
	}

	@Test
	void aBadAllowedNetworkStopsTheServiceFromStarting() throws UnknownHostException {
		assertThatThrownBy(() -> policy(Map.of("rvssl.notify.webhook.allowed-networks", "localhost")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'localhost' is not an address block");
		assertThatIllegalArgumentException().isThrownBy(() -> AddressBlock.parse("10.0.0.0/33"));
		// docker-compose passes an empty variable when nothing is allowed
		assertThat(policy(Map.of("rvssl.notify.webhook.allowed-networks", "")).addressProblem(address("127.0.0.1")))
			.isPresent();
		assertThat(AddressBlock.parse("10.0.0.0/8").contains(new byte[] { 10, 1, 2, 3 })).isTrue();
		assertThat(AddressBlock.parse("172.16.0.0/12").contains(new byte[] { (byte) 172, 32, 0, 1 })).isFalse();
	}

	/** The policy as the service builds it from these settings, with its defaults. */
	private static WebhookTargetPolicy policy(Map<String, String> settings) {
		WebhookProperties properties = new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("rvssl.notify.webhook", WebhookProperties.class);
		return new WebhookTargetPolicy(properties);
	}

	private static InetAddress address(String literal) throws UnknownHostException {
		return InetAddress.getByAddress(literal, io.netty.util.NetUtil.createByteArrayFromIpAddressString(literal));
	}

}
