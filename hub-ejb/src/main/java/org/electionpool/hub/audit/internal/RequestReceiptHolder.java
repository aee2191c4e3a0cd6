package org.electionpool.hub.audit.internal;

import jakarta.enterprise.context.RequestScoped;
import java.util.Objects;
import java.util.Optional;
import org.electionpool.hub.api.audit.ReceiptView;
import org.electionpool.hub.api.audit.RequestReceipts;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * {@link RequestReceipts} for one request: keeps the receipt with the highest index per request
 * (an HXP/1 request has one sender and one {@code jti}, so one slot suffices; a receipt for another
 * sender or {@code jti} is never given out for this one). Filled by {@link AuditLogBean} after
 * commit, read by the web layer's response filter.
 *
 * <p>Invariant: it only ever holds receipts of committed entries (RFC 9162 §2.1 inclusion proof in
 * the tree of {@code index + 1} entries, with that tree's signed checkpoint), and gives out the one
 * with the highest index for the asked sender and {@code jti}.
 */
@RequestScoped
public class RequestReceiptHolder implements RequestReceipts {

    private OrganizationId actor;
    private String jti;
    private ReceiptView newest;

    @Override
    public synchronized void committed(OrganizationId actor, String jti, ReceiptView receipt) {
        if (newest == null || !actor.equals(this.actor) || !jti.equals(this.jti) || receipt.index() > newest.index()) {
            this.actor = Objects.requireNonNull(actor, "actor");
            this.jti = Objects.requireNonNull(jti, "jti");
            this.newest = Objects.requireNonNull(receipt, "receipt");
        }
    }

    @Override
    public synchronized Optional<ReceiptView> newest(OrganizationId actor, String jti) {
        return newest != null && actor.equals(this.actor) && jti.equals(this.jti) ? Optional.of(newest) : Optional.empty();
    }
}
