package org.electionpool.hub.api.audit;

import java.util.Optional;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * The receipts of the audit entries the current HXP/1 request produced, handed from the audit log
 * to the web layer that seals the answer (docs/audit-log.md, "Receipts") — so the answer's
 * {@code receipt} claim needs no second look-up of the entry, its nodes or its checkpoint.
 *
 * <p>Invariant: a receipt is offered only once the transaction that wrote its entry has
 * <em>committed</em> (a rolled-back act never yields a receipt), and only for an entry whose actor
 * and {@code jti} are a signed request's; {@link #newest} gives the committed entry with the highest
 * index among those made for that sender and {@code jti}. Request-scoped: outside a request (timers,
 * start-up) nothing is kept. Each receipt's proof is the RFC 9162 §2.1 inclusion proof of its leaf
 * in the tree of {@code index + 1} entries, and its checkpoint the one its own append signed.
 */
public interface RequestReceipts {

    /**
     * Offers the receipt of an entry whose transaction committed.
     *
     * @param actor   the entry's acting organisation
     * @param jti     the entry's request {@code jti}
     * @param receipt the entry's receipt
     */
    void committed(OrganizationId actor, String jti, ReceiptView receipt);

    /**
     * @return the receipt of the newest committed entry made in this request for that sender and
     *         {@code jti}, or empty if the request produced none (an unaudited read)
     */
    Optional<ReceiptView> newest(OrganizationId actor, String jti);
}
