package com.rvssl.sandbox.orders;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.rvssl.sandbox.SandboxProperties;
import com.rvssl.sandbox.authority.CertificateAuthority;
import com.rvssl.sandbox.authority.CertificateEncodings;
import com.rvssl.sandbox.authority.LeafRequest;
import com.rvssl.sandbox.authority.SigningRequest;

/**
 * The CA's order desk: takes orders in, and moves them on. DV orders approve themselves once
 * {@code sandbox.dv.approve-after} has passed; rather than a scheduler, every read checks the
 * deadline and issues at the first read after it, as ACME servers compute an order's status
 * from its authorizations. OV and EV orders wait for the admin API.
 */
@Service
public class OrderDesk {

    private static final Logger log = LoggerFactory.getLogger(OrderDesk.class);

    private final SecureRandom random = new SecureRandom();

    private final CaOrderBook book;

    private final CertificateAuthority authority;

    private final SandboxProperties.Dv dv;

    private final Clock clock;

    public OrderDesk(CaOrderBook book, CertificateAuthority authority, SandboxProperties properties, Clock clock) {
        this.book = book;
        this.authority = authority;
        this.dv = properties.dv();
        this.clock = clock;
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
                HexFormat.of().formatHex(randomValue), now, OrderStatus.PENDING, now, null, null, null, 0, 0, false);
        this.book.add(order);
        log.info("Order {} created: {} {} for {} (reference {})", id, request.api(), request.product(),
                request.commonName(), request.reference());
        return order;
    }

    /** The order as it stands now, a DV order past its deadline issued first. */
    public CaOrder find(long id) {
        CaOrder order = this.book.find(id).orElseThrow(() -> new UnknownOrderException(id));
        return dueForApproval(order) ? this.book.update(id, this::issueIfStillDue) : order;
    }

    /** Orders whose reference equals the text, whose common name contains it, or whose id it is. */
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
        find(id);
        CaOrder canceled = this.book.update(id, (order) -> (order.status() == OrderStatus.CANCELED) ? order
                : order.canceled(note, this.clock.instant()));
        log.info("Order {} canceled{}", id, (note != null) ? ": " + note : "");
        return canceled;
    }

    /**
     * Cancels a pending order, or revokes an issued one (refunded within the refund window after
     * issuance). A canceled or revoked order answers {@link IllegalTransitionException}.
     */
    public CaOrder cancelOrRevoke(long id, String note, Duration refundWindow) {
        CaOrder current = find(id);
        if (current.status() == OrderStatus.ISSUED) {
            CaOrder revoked = this.book.update(id, (order) -> order.revoked(note,
                    !this.clock.instant().isAfter(order.certificate().notBefore().plus(refundWindow)),
                    this.clock.instant()));
            log.info("Order {} revoked{}", id, revoked.refunded() ? " and refunded" : "");
            return revoked;
        }
        CaOrder canceled = this.book.update(id, (order) -> order.canceled(note, this.clock.instant()));
        log.info("Order {} canceled{}", id, (note != null) ? ": " + note : "");
        return canceled;
    }

    /** Reissues over a new CSR (already verified): an issued order gets its new certificate now. */
    public CaOrder reissue(long id, String csr) {
        find(id);
        CaOrder reissued = this.book.update(id, (order) -> {
            IssuedCertificate certificate = (order.status() == OrderStatus.ISSUED)
                    ? sign(order.withCsr(csr)) : null;
            return order.reissued(csr, certificate, this.clock.instant());
        });
        log.info("Order {} reissued (reissue {})", id, reissued.reissues());
        return reissued;
    }

    public CaOrder resendDcvEmail(long id) {
        find(id);
        return this.book.update(id, (order) -> order.dcvEmailResent(this.clock.instant()));
    }

    /** Completes validation now, whatever the product: the sandbox operator's "approve". */
    public CaOrder approve(long id) {
        find(id);
        return this.book.update(id, this::issue);
    }

    public CaOrder reject(long id, String reason) {
        find(id);
        CaOrder rejected = this.book.update(id, (order) -> order.rejected(reason, this.clock.instant()));
        log.info("Order {} rejected: {}", id, reason);
        return rejected;
    }

    private boolean dueForApproval(CaOrder order) {
        return order.status() == OrderStatus.PENDING && order.validation() == ValidationLevel.DV
                && this.dv.autoApprove()
                && !this.clock.instant().isBefore(order.createdAt().plus(this.dv.approveAfter()));
    }

    /** Re-checked under the book's lock: another reader may have issued it meanwhile. */
    private CaOrder issueIfStillDue(CaOrder order) {
        return dueForApproval(order) ? issue(order) : order;
    }

    private CaOrder issue(CaOrder order) {
        if (order.status() != OrderStatus.PENDING) {
            throw new IllegalTransitionException(order.id(), order.status(), OrderStatus.ISSUED);
        }
        IssuedCertificate issued = sign(order);
        log.info("Order {} issued: serial {} for {}", order.id(), issued.serialNumber(), order.dnsNames());
        return order.issued(issued, this.clock.instant());
    }

    private IssuedCertificate sign(CaOrder order) {
        X509Certificate leaf = this.authority.issue(
                new LeafRequest(SigningRequest.parse(order.csr()), order.commonName(), order.dnsNames(), order.years()));
        IssuedCertificate issued = new IssuedCertificate(leaf.getSerialNumber().toString(16),
                leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(), CertificateEncodings.pem(leaf));
        return issued;
    }
}
