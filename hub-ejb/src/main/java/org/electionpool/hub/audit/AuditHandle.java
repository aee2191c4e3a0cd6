package org.electionpool.hub.audit;

import java.util.Objects;
import org.electionpool.hub.api.audit.ReceiptView;

/**
 * What an append hands back: the new entry's place in the log and its receipt — the leaf bytes, the
 * leaf hash, the RFC 9162 §2.1 inclusion proof of the leaf in the tree of {@code index + 1} entries
 * (the frontier the append read to compute the root) and the checkpoint the append signed.
 *
 * <p>Invariant: {@code receipt.index() == index} and {@code receipt.size() == index + 1}.
 *
 * @param index   the entry's index (0-based, gapless)
 * @param receipt the entry's receipt, as an HXP/1 answer's {@code receipt} claim states it
 */
public record AuditHandle(long index, ReceiptView receipt) {

    /** Checks that the receipt is the entry's. */
    public AuditHandle {
        Objects.requireNonNull(receipt, "receipt");
        if (receipt.index() != index || receipt.size() != index + 1) {
            throw new IllegalArgumentException("the receipt is not entry " + index + "'s");
        }
    }

    /** @return the tree size whose checkpoint first includes the entry */
    public long size() {
        return index + 1;
    }
}
