package com.rvssl.sandbox.orders;

import java.time.Instant;
import java.util.List;

/**
 * One order at the sandbox CA. Immutable: each step returns the next version, and the
 * {@link CaOrderBook} swaps versions atomically. Every step starts from {@code pending}; the other
 * statuses are final.
 *
 * @param api the API the order came through ({@code digicert}, later {@code sectigo})
 * @param product the product code in that API's terms
 * @param reference the caller's own id for the order (DigiCert's {@code comments}), by which a
 *        caller whose reply was lost finds the order again
 * @param dnsNames every name the certificate covers, the common name first
 * @param csr the PEM CSR, verified on submission
 * @param certificate set once issued
 * @param dcvEmailsResent how often the caller asked for the approval email again
 */
public record CaOrder(long id, String api, String product, ValidationLevel validation, String reference,
        String commonName, List<String> dnsNames, String csr, int years, String dcvMethod, List<String> dcvEmails,
        long certificateId, long requestId, List<Domain> domains, String dcvRandomValue, Instant createdAt,
        OrderStatus status, Instant updatedAt, IssuedCertificate certificate, String rejectionReason, String note,
        int dcvEmailsResent) {

    public CaOrder {
        dnsNames = List.copyOf(dnsNames);
        dcvEmails = (dcvEmails != null) ? List.copyOf(dcvEmails) : List.of();
        domains = List.copyOf(domains);
    }

    CaOrder issued(IssuedCertificate issued, Instant at) {
        requirePending(OrderStatus.ISSUED);
        return with(OrderStatus.ISSUED, at, issued, null, this.note, this.dcvEmailsResent);
    }

    CaOrder rejected(String reason, Instant at) {
        requirePending(OrderStatus.REJECTED);
        return with(OrderStatus.REJECTED, at, null, reason, this.note, this.dcvEmailsResent);
    }

    CaOrder canceled(String note, Instant at) {
        requirePending(OrderStatus.CANCELED);
        return with(OrderStatus.CANCELED, at, null, null, note, this.dcvEmailsResent);
    }

    CaOrder dcvEmailResent(Instant at) {
        requirePending(OrderStatus.PENDING);
        return with(this.status, at, this.certificate, this.rejectionReason, this.note, this.dcvEmailsResent + 1);
    }

    private void requirePending(OrderStatus target) {
        if (this.status != OrderStatus.PENDING) {
            throw new IllegalTransitionException(this.id, this.status, target);
        }
    }

    private CaOrder with(OrderStatus newStatus, Instant at, IssuedCertificate newCertificate, String reason,
            String newNote, int resent) {
        return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
                this.dnsNames, this.csr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId,
                this.requestId, this.domains, this.dcvRandomValue, this.createdAt, newStatus, at, newCertificate,
                reason, newNote, resent);
    }
}
