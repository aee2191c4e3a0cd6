package org.electionpool.hub.audit;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.electionpool.hub.api.audit.ReceiptView;

/**
 * What an append hands back (ADR 0011): the new entry's reference — known at once, stored in the
 * caller's transaction — and, once the sequencer integrated the entry, its receipt: index, leaf,
 * leaf hash, the RFC 9162 §2.1 inclusion proof of the leaf in the tree of the batch's size, and the
 * checkpoint the batch signed.
 *
 * <p>Invariant: the receipt is set only after the entry's own transaction and the batch that
 * integrated it both committed, and it is the entry's ({@code receipt.index()} is its index). For
 * {@link AuditLog#appendNow} it is set when the call returns (unless the sequencer did not integrate
 * the entry within its bound); for {@link AuditLog#append} after the caller's transaction commits.
 * The reference is what other domains store as the evidence link ({@code case_event.audit_ref},
 * {@code webhook_delivery.audit_ref}); {@code audit_entry.ref} resolves it.
 */
public final class AuditHandle {

    private final long ref;
    private final CompletableFuture<ReceiptView> receipt = new CompletableFuture<>();

    /** @param ref the entry's reference ({@code audit_pending.ref}, then {@code audit_entry.ref}) */
    public AuditHandle(long ref) {
        this.ref = ref;
    }

    /** @return the entry's reference */
    public long ref() {
        return ref;
    }

    /** @return the entry's receipt, once integrated; empty before, or if integration timed out */
    public Optional<ReceiptView> receipt() {
        return Optional.ofNullable(receipt.getNow(null));
    }

    /** Sets the receipt (by the audit log, after the integrating batch committed). */
    public void integrated(ReceiptView integrated) {
        if (integrated != null) {
            receipt.complete(integrated);
        }
    }
}
