package com.rvssl.notify.webhooks;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Checks a webhook's addresses: once when it is registered (every address its host has
 * must be allowed) and again at every connection of a post, inside the HTTP client's own
 * resolution ({@link #resolverGroup()}): the host is resolved once there, every address
 * checked, and the connection made to the checked addresses only, so a DNS answer that
 * changes after registration (rebinding) cannot steer a post elsewhere. The URL's host
 * name still travels in the Host header and TLS SNI.
 */
@Component
public class WebhookTargets {

	private static final Logger log = LoggerFactory.getLogger(WebhookTargets.class);

	private final WebhookTargetPolicy policy;

	private final HostResolver resolver;

	private final AddressResolverGroup<InetSocketAddress> resolverGroup = new GuardedResolverGroup();

	public WebhookTargets(WebhookTargetPolicy policy, HostResolver resolver) {
		this.policy = policy;
		this.resolver = resolver;
	}

	/**
	 * Why this URL may not be a webhook (a sentence for the reseller), empty when it may.
	 * A host that does not resolve gets the same answer as one that resolves to a
	 * non-public address, so registration tells nothing about internal names.
	 */
	public Mono<Optional<String>> problem(String url) {
		Optional<String> urlProblem = policy.urlProblem(url);
		if (urlProblem.isPresent()) {
			return Mono.just(urlProblem);
		}
		String host = WebhookTargetPolicy.hostOf(url);
		if (WebhookTargetPolicy.literal(host) != null) {
			return Mono.just(Optional.empty());
		}
		return Mono.fromCallable(() -> checkedAddresses(host))
			.subscribeOn(Schedulers.boundedElastic())
			.map(addresses -> Optional.<String>empty())
			.onErrorResume(WebhookTargetRefusedException.class,
					refused -> Mono.just(Optional.of(host + " must resolve to public internet addresses only")));
	}

	/** What the webhooks' HTTP client resolves with. */
	public AddressResolverGroup<InetSocketAddress> resolverGroup() {
		return resolverGroup;
	}

	/**
	 * The host's addresses, each one allowed; blocking (DNS).
	 * @throws WebhookTargetRefusedException when the host does not resolve or any of its
	 * addresses is not allowed
	 */
	List<InetAddress> checkedAddresses(String host) {
		InetAddress literal = WebhookTargetPolicy.literal(host);
		List<InetAddress> addresses;
		try {
			addresses = (literal != null) ? List.of(literal) : resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			log.info("webhook host {} does not resolve", host);
			throw new WebhookTargetRefusedException();
		}
		return checked(host, addresses);
	}

	private List<InetAddress> checked(String host, List<InetAddress> addresses) {
		if (addresses == null || addresses.isEmpty()) {
			log.info("webhook host {} has no address", host);
			throw new WebhookTargetRefusedException();
		}
		for (InetAddress address : addresses) {
			Optional<String> problem = policy.addressProblem(address);
			if (problem.isPresent()) {
				// the operator's log may say what it was; the reseller's delivery log
				// does not
				log.warn("webhook host {} refused: {} is {}", host, address.getHostAddress(), problem.get());
				throw new WebhookTargetRefusedException();
			}
		}
		return addresses;
	}

	private InetSocketAddress checked(InetSocketAddress target) {
		return allChecked(target).get(0);
	}

	private List<InetSocketAddress> allChecked(InetSocketAddress target) {
		InetAddress address = target.getAddress();
		if (address != null) {
			checked(target.getHostString(), List.of(address));
			return List.of(target);
		}
		return checkedAddresses(target.getHostString()).stream()
			.map(checked -> new InetSocketAddress(checked, target.getPort()))
			.toList();
	}

	/** One guarded resolver per event loop, as the HTTP client asks for. */
	private final class GuardedResolverGroup extends AddressResolverGroup<InetSocketAddress> {

		@Override
		protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
			return new GuardedResolver(executor);
		}

	}

	/**
	 * Resolves (off the event loop, DNS blocks) and checks. It calls every address
	 * unresolved, literals included, so that no connection skips the check.
	 */
	private final class GuardedResolver extends AbstractAddressResolver<InetSocketAddress> {

		GuardedResolver(EventExecutor executor) {
			super(executor, InetSocketAddress.class);
		}

		@Override
		protected boolean doIsResolved(InetSocketAddress address) {
			return false;
		}

		@Override
		protected void doResolve(InetSocketAddress target, Promise<InetSocketAddress> promise) {
			Mono.fromCallable(() -> checked(target))
				.subscribeOn(Schedulers.boundedElastic())
				.subscribe(promise::trySuccess, promise::tryFailure);
		}

		@Override
		protected void doResolveAll(InetSocketAddress target, Promise<List<InetSocketAddress>> promise) {
			Mono.fromCallable(() -> allChecked(target))
				.subscribeOn(Schedulers.boundedElastic())
				.subscribe(promise::trySuccess, promise::tryFailure);
		}

	}

}
