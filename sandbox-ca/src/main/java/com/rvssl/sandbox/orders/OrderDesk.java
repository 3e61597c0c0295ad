package com.rvssl.sandbox.orders;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.rvssl.sandbox.SandboxProperties;
import com.rvssl.sandbox.authority.BaselineRequirements;
import com.rvssl.sandbox.authority.CertificateAuthority;
import com.rvssl.sandbox.authority.CertificateEncodings;
import com.rvssl.sandbox.authority.LeafRequest;
import com.rvssl.sandbox.authority.SigningRequest;
import com.rvssl.sandbox.validation.DcvProof;
import com.rvssl.sandbox.validation.DomainControl;

/**
 * The CA's order desk: takes orders in, and moves them on by its own clock, as a real CA
 * does: DV orders validated by email approve themselves once
 * {@code sandbox.dv.approve-after} has passed; DV orders validated by HTTP or DNS are
 * issued once the CA's own look, every {@code sandbox.validation.check-interval}, finds
 * their proofs (or the caller asks, {@link #checkDomainControl}); OV and EV orders walk
 * through documents, verification call and review, one step per
 * {@code sandbox.validation.ov-step-after} on the sandbox's clock or per admin
 * {@link #advance}. Each open order waits in a queue by the time it is next due
 * ({@link #runDue}), so the clock touches only the orders whose time has come and the
 * watchers (push senders) hear of a change when it happens, not when someone reads the
 * order. A read still brings an order up to date first, should it come before the clock's
 * next tick. An order is a plan for its paid term: each certificate lasts as long as the
 * {@link BaselineRequirements} of its day allow, never past the plan's end, and
 * {@link #reissue reissues} within the plan are free.
 */
@Service
public class OrderDesk {

	private static final Logger log = LoggerFactory.getLogger(OrderDesk.class);

	private final SecureRandom random = new SecureRandom();

	private final CaOrderBook book;

	private final CertificateAuthority authority;

	private final SandboxProperties properties;

	private final SandboxProperties.Dv dv;

	private final Clock clock;

	private final DomainControl domainControl;

	private final Duration ovStepAfter;

	private final Duration checkInterval;

	private final List<OrderWatcher> watchers;

	/** The open orders by the time each is next due to move. */
	private final DueOrders due = new DueOrders();

	/**
	 * Email-validated DV orders that came due while auto-approval was off: back in the
	 * queue when it is switched on again.
	 */
	private final Set<Long> awaitingAutoApproval = ConcurrentHashMap.newKeySet();

	/** Starts as configured; the admin API switches it at run time. */
	private volatile boolean autoApprove;

	public OrderDesk(CaOrderBook book, CertificateAuthority authority, SandboxProperties properties, Clock clock,
			DomainControl domainControl, List<OrderWatcher> watchers) {
		this.book = book;
		this.authority = authority;
		this.properties = properties;
		this.dv = properties.dv();
		this.clock = clock;
		this.domainControl = domainControl;
		this.ovStepAfter = (properties.validation() != null) ? properties.validation().ovStepAfter()
				: Duration.ofDays(1);
		this.checkInterval = (properties.validation() != null) ? properties.validation().checkInterval()
				: Duration.ofSeconds(5);
		this.watchers = List.copyOf(watchers);
		this.autoApprove = this.dv.autoApprove();
		// once, at start: the open orders of a book loaded from the data directory
		this.book.all().stream().filter((order) -> order.status() == OrderStatus.PENDING).forEach(this::schedule);
	}

	/**
	 * Whether email-validated DV orders approve themselves after
	 * {@code sandbox.dv.approve-after}.
	 */
	public boolean autoApprove() {
		return this.autoApprove;
	}

	/**
	 * Off: email-validated DV orders wait for their approval link (or the admin API). On
	 * again: those that came due meanwhile are queued, for the clock's next tick.
	 */
	public void autoApprove(boolean enabled) {
		this.autoApprove = enabled;
		log.info("DV auto-approval {}", enabled ? "on" : "off");
		if (enabled) {
			for (Long id : List.copyOf(this.awaitingAutoApproval)) {
				this.awaitingAutoApproval.remove(id);
				this.book.find(id).ifPresent(this::schedule);
			}
		}
	}

	/**
	 * The clock's turn: every open order whose time has come (approval deadline, next
	 * look for a proof, end of an OV/EV step) is moved on now, and scheduled again if it
	 * stays open. Costs nothing for orders that are not due.
	 */
	public void runDue() {
		for (long id : this.due.takeDue(this.clock.instant())) {
			try {
				checkDomainControl(id);
			}
			catch (UnknownOrderException ex) {
				continue;
			}
			catch (RuntimeException ex) {
				log.warn("Moving order {} on failed: {}", id, ex.toString());
			}
			this.book.find(id).ifPresent(this::schedule);
		}
	}

	/**
	 * The account (API key, reseller login) that placed the order; empty when there is no
	 * such order. Reads the book only: the order is not moved on.
	 */
	public Optional<String> accountOf(long id) {
		return this.book.find(id).map(CaOrder::account);
	}

	/** When the order is next due on the CA's clock (null: not waiting for it). */
	public Instant dueAt(long id) {
		return this.due.dueAt(id);
	}

	public CaOrder submit(NewOrder request) {
		Map<String, String> names = new LinkedHashMap<>();
		names.put(request.commonName().toLowerCase(Locale.ROOT), request.commonName());
		if (request.dnsNames() != null) {
			request.dnsNames()
				.stream()
				.filter(Objects::nonNull)
				.filter((name) -> !name.isBlank())
				.forEach((name) -> names.putIfAbsent(name.toLowerCase(Locale.ROOT), name.trim()));
		}
		long id = this.book.nextId();
		long certificateId = this.book.nextId();
		long requestId = this.book.nextId();
		List<Domain> domains = new ArrayList<>();
		names.values().forEach((name) -> domains.add(new Domain(this.book.nextId(), name)));
		byte[] randomValue = new byte[16];
		this.random.nextBytes(randomValue);
		Instant now = this.clock.instant();
		CaOrder order = new CaOrder(id, request.api(), request.product(), request.validation(), request.reference(),
				request.commonName(), List.copyOf(names.values()), request.csr(), Math.max(1, request.years()),
				request.dcvMethod(), request.dcvEmails(), certificateId, requestId, domains,
				HexFormat.of().formatHex(randomValue), now, OrderStatus.PENDING, now, null, null, null, 0, 0, false,
				null, null, null, null, null,
				(request.account() != null) ? request.account() : this.properties.defaultAccount(request.api()));
		this.book.add(order);
		schedule(order);
		log.info("Order {} created: {} {} for {} (reference {}, account {})", id, request.api(), request.product(),
				request.commonName(), request.reference(), order.account());
		dcvEmailDue(order);
		return order;
	}

	/**
	 * The order as it stands now: an email-validated DV order past its deadline issued
	 * first, an OV/EV order moved on by the steps its clock allows.
	 */
	public CaOrder find(long id) {
		CaOrder order = this.book.find(id).orElseThrow(() -> new UnknownOrderException(id));
		if (dueForApproval(order)) {
			return changed(order, update(id, this::issueIfStillDue));
		}
		if (dueForNextStep(order)) {
			return changed(order, update(id, this::stepWhileDue));
		}
		return order;
	}

	/**
	 * The order after checking its HTTP or DNS proofs: a pending DV order whose every
	 * domain shows its proof is issued. The check runs outside the book's lock (it may
	 * fetch a file); the issuance re-checks the status under it.
	 */
	public CaOrder checkDomainControl(long id) {
		CaOrder order = find(id);
		if (!awaitsDomainProof(order) || !this.domainControl.allShown(proofs(order))) {
			return order;
		}
		return changed(order, update(id, (current) -> awaitsDomainProof(current) ? issue(current) : current));
	}

	/**
	 * What each domain of the order must show (also for issued orders: what it showed).
	 */
	public List<DcvProof> proofs(CaOrder order) {
		return this.domainControl.proofs(order.api(), order.dcvMethod(), order.dnsNames(), order.csr(),
				order.dcvRandomValue(), order.reference(), order.dcvEmails());
	}

	/** Whether this proof is in place now (for the APIs' per-domain status). */
	public boolean shown(DcvProof proof) {
		return this.domainControl.shown(proof);
	}

	/**
	 * Moves a pending order one step on: a DV order's domain control counts as done
	 * (issued); an OV/EV order goes from documents to call to review to issued.
	 */
	public CaOrder advance(long id) {
		CaOrder before = find(id);
		CaOrder after = update(id, (order) -> {
			if (order.status() != OrderStatus.PENDING) {
				throw new IllegalTransitionException(order.id(), order.status(), OrderStatus.ISSUED);
			}
			ValidationStep next = order.step().next();
			return (next == null) ? issue(order) : order.steppedTo(next, this.clock.instant());
		});
		log.info("Order {} advanced to {}", id, (after.step() != null) ? after.step() : after.status());
		return changed(before, after);
	}

	/**
	 * Domain control by another method (the caller's names, e.g. {@code http-token},
	 * {@code CNAME_CSR_HASH}).
	 */
	public CaOrder changeDcvMethod(long id, String method, List<String> approvers) {
		find(id);
		CaOrder changed = update(id, (order) -> order.withDcvMethod(method, approvers, this.clock.instant()));
		log.info("Order {} validates domain control by {} from now on", id, method);
		return changed;
	}

	/**
	 * Orders whose reference equals the text, whose common name contains it, or whose id
	 * it is.
	 */
	public List<CaOrder> search(String text) {
		if (text == null || text.isBlank()) {
			return all();
		}
		String needle = text.trim().toLowerCase(Locale.ROOT);
		return all().stream()
			.filter((order) -> text.trim().equals(order.reference())
					|| order.commonName().toLowerCase(Locale.ROOT).contains(needle)
					|| Long.toString(order.id()).equals(needle))
			.toList();
	}

	/** Every order, oldest first, each as it stands now. */
	public List<CaOrder> all() {
		return this.book.all().stream().map((order) -> find(order.id())).toList();
	}

	/** The orders submitted with this reference (all orders when none is given). */
	public List<CaOrder> withReference(String reference) {
		if (reference == null || reference.isBlank()) {
			return all();
		}
		return all().stream().filter((order) -> reference.equals(order.reference())).toList();
	}

	public CaOrder cancel(long id, String note) {
		CaOrder before = find(id);
		CaOrder canceled = update(id, (order) -> (order.status() == OrderStatus.CANCELED) ? order
				: order.canceled(note, this.clock.instant()));
		log.info("Order {} canceled{}", id, (note != null) ? ": " + note : "");
		return changed(before, canceled);
	}

	/**
	 * Cancels a pending order, or revokes an issued one (refunded within the refund
	 * window after issuance). A canceled or revoked order answers
	 * {@link IllegalTransitionException}.
	 */
	public CaOrder cancelOrRevoke(long id, String note, Duration refundWindow) {
		CaOrder current = find(id);
		if (current.status() == OrderStatus.ISSUED) {
			CaOrder revoked = update(id,
					(order) -> order.revoked(note,
							!this.clock.instant().isAfter(order.certificate().notBefore().plus(refundWindow)),
							this.clock.instant()));
			log.info("Order {} revoked{}", id, revoked.refunded() ? " and refunded" : "");
			return changed(current, revoked);
		}
		CaOrder canceled = update(id, (order) -> order.canceled(note, this.clock.instant()));
		log.info("Order {} canceled{}", id, (note != null) ? ": " + note : "");
		return changed(current, canceled);
	}

	/**
	 * Reissues over a new CSR (already verified), free within the order's plan: an issued
	 * order whose validations may still be reused gets its new certificate now; one whose
	 * domain validation (or, for OV/EV, organisation validation) is too old for the
	 * Baseline Requirements of today goes back to {@code pending} to have it done again,
	 * by the same method, and is issued, and pushed, when it is. After the plan's end:
	 * {@link PlanEndedException}. A pending order simply waits for the new CSR.
	 */
	public CaOrder reissue(long id, String csr) {
		CaOrder before = find(id);
		CaOrder reissued = update(id, (order) -> {
			Instant now = this.clock.instant();
			if (order.status() != OrderStatus.ISSUED) {
				return order.reissued(csr, null, now);
			}
			if (!now.isBefore(order.planEnd())) {
				throw new PlanEndedException(order.id(), order.planEnd());
			}
			ValidationStep redo = validationToRedo(order, now);
			return (redo != null) ? order.reissuedAfterValidation(csr, redo, now)
					: order.reissued(csr, sign(order.withCsr(csr)), now);
		});
		if (reissued.status() == OrderStatus.PENDING && before.status() == OrderStatus.ISSUED) {
			log.info("Order {} reissue {} waits for validation again from {}", id, reissued.reissues(),
					reissued.step());
			dcvEmailDue(reissued);
		}
		else {
			log.info("Order {} reissued (reissue {})", id, reissued.reissues());
		}
		return changed(before, reissued);
	}

	/**
	 * What a reissue now must have done again, or null when every validation may be
	 * reused: the organisation's (398 days) first, as its steps cover the domains too,
	 * then the domains' (by the Baseline Requirements of the reissue's day).
	 */
	private static ValidationStep validationToRedo(CaOrder order, Instant at) {
		if (order.validation() != ValidationLevel.DV
				&& tooOld(order.organizationValidatedAt(), BaselineRequirements.ORGANISATION_VALIDATION_REUSE, at)) {
			return ValidationStep.DOCUMENTS_REQUESTED;
		}
		Duration reuse = BaselineRequirements.domainValidationReuse(at);
		if (order.domains().stream().anyMatch((domain) -> tooOld(domain.validatedAt(), reuse, at))) {
			return ValidationStep.DOMAIN_CONTROL;
		}
		return null;
	}

	private static boolean tooOld(Instant validatedAt, Duration reuse, Instant at) {
		return validatedAt == null || validatedAt.plus(reuse).isBefore(at);
	}

	public CaOrder resendDcvEmail(long id) {
		find(id);
		CaOrder resent = update(id, (order) -> order.dcvEmailResent(this.clock.instant()));
		dcvEmailDue(resent);
		return resent;
	}

	/**
	 * Completes validation now, whatever the product: the sandbox operator's "approve".
	 */
	public CaOrder approve(long id) {
		CaOrder before = find(id);
		return changed(before, update(id, this::issue));
	}

	public CaOrder reject(long id, String reason) {
		CaOrder before = find(id);
		CaOrder rejected = update(id, (order) -> order.rejected(reason, this.clock.instant()));
		log.info("Order {} rejected: {}", id, reason);
		return changed(before, rejected);
	}

	/**
	 * Tells the watchers (push senders) about a change of status or step; returns the new
	 * version.
	 */
	private CaOrder changed(CaOrder before, CaOrder after) {
		if (before.status() != after.status() || before.step() != after.step()) {
			for (OrderWatcher watcher : this.watchers) {
				try {
					watcher.changed(before, after);
				}
				catch (RuntimeException ex) {
					log.warn("Watcher {} failed on order {}: {}", watcher, after.id(), ex.toString());
				}
			}
		}
		return after;
	}

	/** Every change goes through here, so that the queue follows the order's state. */
	private CaOrder update(long id, java.util.function.UnaryOperator<CaOrder> step) {
		CaOrder after = this.book.update(id, step);
		schedule(after);
		return after;
	}

	/**
	 * Puts the order in the queue at the time it is next due, or takes it out: closed
	 * orders, orders that wait for the operator (OV/EV without a step) and email orders
	 * while auto-approval is off need no turn of the clock.
	 */
	private void schedule(CaOrder order) {
		long id = order.id();
		if (order.status() != OrderStatus.PENDING) {
			this.due.remove(id);
			this.awaitingAutoApproval.remove(id);
		}
		else if (order.step() == ValidationStep.DOMAIN_CONTROL && byEmail(order)) {
			if (this.autoApprove) {
				this.due.schedule(id, order.stepSince().plus(this.dv.approveAfter()));
			}
			else {
				this.due.remove(id);
				this.awaitingAutoApproval.add(id);
			}
		}
		else if (order.step() == ValidationStep.DOMAIN_CONTROL) {
			this.due.schedule(id, this.clock.instant().plus(this.checkInterval));
		}
		else if (order.step() != null && order.stepSince() != null) {
			this.due.schedule(id, order.stepSince().plus(this.ovStepAfter));
		}
		else {
			this.due.remove(id);
		}
	}

	private void dcvEmailDue(CaOrder order) {
		for (OrderWatcher watcher : this.watchers) {
			try {
				watcher.dcvEmailDue(order);
			}
			catch (RuntimeException ex) {
				log.warn("Watcher {} failed on the DCV email of order {}: {}", watcher, order.id(), ex.toString());
			}
		}
	}

	private static boolean byEmail(CaOrder order) {
		return order.dcvMethod() == null || order.dcvMethod().equalsIgnoreCase("email");
	}

	/**
	 * Whether the order waits for domain control: a DV order until first issued, any
	 * order whose reissue must validate its domains again.
	 */
	private static boolean awaitsDomainControl(CaOrder order) {
		return order.status() == OrderStatus.PENDING && order.step() == ValidationStep.DOMAIN_CONTROL;
	}

	private boolean awaitsDomainProof(CaOrder order) {
		return awaitsDomainControl(order) && !byEmail(order);
	}

	/** The approval deadline counts from the round's start: the order, or its reissue. */
	private boolean dueForApproval(CaOrder order) {
		return awaitsDomainControl(order) && byEmail(order) && this.autoApprove
				&& !this.clock.instant().isBefore(order.stepSince().plus(this.dv.approveAfter()));
	}

	private boolean dueForNextStep(CaOrder order) {
		return order.status() == OrderStatus.PENDING && order.step() != null
				&& order.step() != ValidationStep.DOMAIN_CONTROL && order.stepSince() != null
				&& !this.clock.instant().isBefore(order.stepSince().plus(this.ovStepAfter));
	}

	/**
	 * Under the book's lock: as many steps as the clock allows, each starting when the
	 * last ended.
	 */
	private CaOrder stepWhileDue(CaOrder order) {
		CaOrder current = order;
		while (dueForNextStep(current)) {
			Instant reached = current.stepSince().plus(this.ovStepAfter);
			ValidationStep next = current.step().next();
			current = (next == null) ? issue(current) : current.steppedTo(next, reached);
		}
		return current;
	}

	/** Re-checked under the book's lock: another reader may have issued it meanwhile. */
	private CaOrder issueIfStillDue(CaOrder order) {
		return dueForApproval(order) ? issue(order) : order;
	}

	private CaOrder issue(CaOrder order) {
		if (order.status() != OrderStatus.PENDING) {
			throw new IllegalTransitionException(order.id(), order.status(), OrderStatus.ISSUED);
		}
		Instant now = this.clock.instant();
		if (order.planEnd() != null && !now.isBefore(order.planEnd())) {
			log.info("Order {} validated after its plan ended at {}: no new certificate", order.id(), order.planEnd());
			return order.reissueLapsed(now);
		}
		// a round through the OV/EV steps validated the organisation; one of domain
		// control only, the domains
		boolean organizationValidated = order.validation() != ValidationLevel.DV
				&& order.step() != ValidationStep.DOMAIN_CONTROL;
		IssuedCertificate issued = sign(order);
		log.info("Order {} issued: serial {} for {} until {}", order.id(), issued.serialNumber(), order.dnsNames(),
				issued.notAfter());
		return order.issued(issued, organizationValidated, now);
	}

	/**
	 * Signs for as long as the Baseline Requirements of today allow, and no longer than
	 * the plan: the last certificate of a plan ends exactly at its end. Whole seconds, as
	 * X.509 keeps them, so that the plan's end counted from the certificate is the same
	 * the platform counts.
	 */
	private IssuedCertificate sign(CaOrder order) {
		Instant notBefore = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant longest = notBefore.plus(BaselineRequirements.longestValidity(notBefore));
		Instant planEnd = order.planEndFor(notBefore);
		Instant notAfter = longest.isBefore(planEnd) ? longest : planEnd;
		X509Certificate leaf = this.authority.issue(new LeafRequest(SigningRequest.parse(order.csr()),
				order.commonName(), order.dnsNames(), notBefore, notAfter));
		IssuedCertificate issued = new IssuedCertificate(leaf.getSerialNumber().toString(16),
				leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(), CertificateEncodings.pem(leaf));
		return issued;
	}

}
