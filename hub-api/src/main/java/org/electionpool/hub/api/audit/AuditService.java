package org.electionpool.hub.api.audit;

import jakarta.ejb.Local;

/**
 * The audit log as auditors and parties read it: the public checkpoint and consistency proofs,
 * and — over HXP/1 — entries and inclusion proofs (all of them for auditors, a party's own ones
 * for everyone else).
 *
 * <p>Authorisation, decided here for every tier: {@link #latestCheckpoint()} and
 * {@link #consistency(long, long)} are public by design (anyone must be able to check that the log
 * only grows) and take no caller. {@link #entries} and {@link #inclusion} serve any caller, scoped
 * to its own entries unless it is an auditor; {@link #bundle} and {@link #export} are the
 * auditors' ({@code FORBIDDEN} otherwise); {@link #fsck} is the operator's or the hub's own.
 * {@link #receipt} takes no caller: it is the hub's own step of answering an authenticated request
 * (the response filter, after the service call), scoped to that request's sender and {@code jti},
 * and never a read a caller asks for. Every method that takes an {@link AuditContext} refuses one
 * that does not name the caller's organisation and channel with {@link IllegalArgumentException}.
 */
@Local
public interface AuditService {

    /**
     * Entries by range. The read itself is an audit entry ({@code audit.entries.read}), since
     * entries carry the senders' signed messages; it is committed before the range is read, so a
     * range reaching the current size never includes it.
     *
     * @param caller  the reader
     * @param context the reader's request
     * @return the entries with from ≤ index &lt; to that the caller may see, in order, with their exact leaf bytes
     * @throws org.electionpool.hub.api.problem.HubException {@code INVALID_PARAMETER} outside the log
     *         or for more than 1,000 entries
     */
    java.util.List<AuditEntryView> entries(org.electionpool.hub.api.security.Caller caller, AuditContext context, long from, long to);

    /**
     * @return the inclusion proof of entry {@code index} in the tree of {@code size} entries
     * @throws org.electionpool.hub.api.problem.HubException {@code INVALID_PARAMETER} outside the log;
     *         {@code NOT_FOUND} for another party's entry
     */
    InclusionProofView inclusion(org.electionpool.hub.api.security.Caller caller, long index, long size);

    /**
     * The evidence bundle of one target: every entry about it, each with its inclusion proof in the
     * latest checkpoint, the signed messages, and the acting organisations' historic keys. The read
     * itself is an audit entry ({@code audit.bundle.read}), written before the bundle is assembled.
     *
     * @param caller     the reader, who must be an auditor
     * @param context    the auditor's request
     * @param targetType the target type, e.g. {@code organization}
     * @param targetId   the target's id
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} for a caller that is
     *         not an auditor; {@code NOT_FOUND} when no entry is about the target
     */
    AuditBundle bundle(org.electionpool.hub.api.security.Caller caller, AuditContext context, String targetType, String targetId);

    /**
     * A full export: entries {@code 0 … size−1} with their evidence, the checkpoint of that size and
     * every acting organisation's historic keys, for the offline verifier. The read itself is an
     * audit entry ({@code audit.export.read}).
     *
     * @param caller  the reader, who must be an auditor
     * @param context the auditor's request
     * @param size    the tree size to export (at most {@link #MAX_EXPORT} entries), or {@code null}
     *                for the whole log including this read's own entry
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} for a non-auditor;
     *         {@code INVALID_PARAMETER} outside the log or over the limit
     */
    AuditBundle export(org.electionpool.hub.api.security.Caller caller, AuditContext context, Long size);

    /** Most entries one export holds. */
    int MAX_EXPORT = 10_000;

    /** @return the latest signed checkpoint (C2SP signed note; the empty log's is signed on demand) */
    String latestCheckpoint();

    /**
     * The checkpoint history, newest first (public: every checkpoint is published).
     *
     * @param beforeSize only checkpoints of a smaller tree, or {@code null} for the newest
     * @param limit      at most this many, 1 to 100
     * @return the checkpoints
     */
    java.util.List<CheckpointView> checkpoints(Long beforeSize, int limit);

    /**
     * @return the consistency proof between two tree sizes
     * @throws org.electionpool.hub.api.problem.HubException {@code INVALID_PARAMETER} unless 0 ≤ from ≤ to ≤ size
     */
    ConsistencyProofView consistency(long from, long to);

    /**
     * Checks the whole log like a file-system check: every entry present and in order, every leaf
     * canonical JSON stating its own index, every stored leaf and subtree hash recomputed, every
     * stored checkpoint's signature and root verified. Read-only, and not itself an audit entry
     * (an entry appended to a damaged log would build new checkpoints on the damaged hashes).
     *
     * @param caller who asks: the hub operator (an API caller of kind {@code OPERATOR}) or the hub
     *               itself (channel {@code SYSTEM})
     * @return the report, naming the first bad index if any
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} for anybody else
     */
    FsckReport fsck(org.electionpool.hub.api.security.Caller caller);

}
