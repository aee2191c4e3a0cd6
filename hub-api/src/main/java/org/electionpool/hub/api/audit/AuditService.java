package org.electionpool.hub.api.audit;

import jakarta.ejb.Local;

/**
 * The audit log as auditors and parties read it: the public checkpoint and consistency proofs,
 * and — over HXP/1 — entries and inclusion proofs (all of them for auditors, a party's own ones
 * for everyone else).
 */
@Local
public interface AuditService {

    /**
     * @return the entries with from ≤ index &lt; to that the caller may see, in order, with their exact leaf bytes
     * @throws org.electionpool.hub.api.problem.HubException {@code INVALID_PARAMETER} outside the log
     *         or for more than 1,000 entries
     */
    java.util.List<AuditEntryView> entries(org.electionpool.hub.api.security.Caller caller, long from, long to);

    /**
     * @return the inclusion proof of entry {@code index} in the tree of {@code size} entries
     * @throws org.electionpool.hub.api.problem.HubException {@code INVALID_PARAMETER} outside the log;
     *         {@code NOT_FOUND} for another party's entry
     */
    InclusionProofView inclusion(org.electionpool.hub.api.security.Caller caller, long index, long size);

    /** @return the latest signed checkpoint (C2SP signed note; the empty log's is signed on demand) */
    String latestCheckpoint();

    /**
     * @return the consistency proof between two tree sizes
     * @throws org.electionpool.hub.api.problem.HubException {@code INVALID_PARAMETER} unless 0 ≤ from ≤ to ≤ size
     */
    ConsistencyProofView consistency(long from, long to);

    /**
     * Checks the whole log like a file-system check: every entry present and in order, every leaf
     * canonical JSON stating its own index, every stored leaf and subtree hash recomputed, every
     * stored checkpoint's signature and root verified. Read-only.
     *
     * @return the report, naming the first bad index if any
     */
    FsckReport fsck();
}
