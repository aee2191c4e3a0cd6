package org.electionpool.hub.audit.domain;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.audit.FsckReport;
import org.electionpool.hub.protocol.log.SignedNote;

/**
 * The audit log's consistency check (docs/audit-log.md, "The consistency check") over an
 * {@link AuditStore}: per batch of {@value #BATCH} entries, the entries, the stored subtree hashes
 * the batch completes (one range read per tree level) and the batch's checkpoints, each entry
 * checked by {@link LogScan} (every stored checkpoint verified against the root the entries give);
 * then the tail (nothing at or beyond the head, and the head's own checkpoint stored — checkpoints
 * are stored per sequencer batch, ADR 0011, so sizes between batch ends have none).
 *
 * <p>Invariant: it reports {@code ok} only if the stored log is exactly what appends of its leaves
 * would have written (RFC 9162 §2.1 hashes, checkpoints signed with {@code key}); otherwise it names
 * the first bad index. Read-only.
 */
public final class LogCheck {

    /** Entries read per batch. */
    public static final int BATCH = 1000;

    private LogCheck() {
    }

    /**
     * @param store the store (no transaction needed: everything below the head is immutable)
     * @param key   the log's verifier key
     * @return the report
     */
    public static FsckReport run(AuditStore store, SignedNote.VerifierKey key) {
        return run(store, key, null);
    }

    /**
     * As {@link #run(AuditStore, SignedNote.VerifierKey)}, adding the nanoseconds spent on each
     * entry that has a checkpoint (dominated by its signature check) to {@code verifyNanos[0]} when given.
     */
    public static FsckReport run(AuditStore store, SignedNote.VerifierKey key, long[] verifyNanos) {
        long size = store.size();
        LogScan scan = new LogScan(key);
        while (scan.next() < size) {
            long from = scan.next();
            List<AuditStore.EntryRow> rows = store.entriesFrom(from, BATCH);
            if (rows.isEmpty()) {
                return bad(size, from, scan.checkpointsChecked(), from, "entry missing");
            }
            Map<Long, byte[]> nodes = nodesCompletedIn(store, from, from + rows.size());
            Map<Long, String> notes = store.checkpoints(from, from + BATCH);
            for (AuditStore.EntryRow row : rows) {
                long index = scan.next();
                if (row.index() != index) {
                    return bad(size, index, scan.checkpointsChecked(), index, "entry missing");
                }
                String note = notes.get(index + 1);
                long v0 = System.nanoTime();
                String problem = scan.accept(row.leaf().getBytes(StandardCharsets.UTF_8), row.leafHash(), row.evidence(),
                        (level, node) -> nodes.get(NodeKey.of(level, node)), note);
                if (note != null && verifyNanos != null) {
                    verifyNanos[0] += System.nanoTime() - v0;
                }
                if (problem != null) {
                    return bad(size, index, scan.checkpointsChecked(), index, problem);
                }
            }
        }
        long expected = scan.next();
        long checkpoints = scan.checkpointsChecked();
        // Nothing beyond the head, nothing missing at its end: a truncated log (entries deleted and
        // the head lowered) or a head moved on its own is a failure too.
        long[] tail = store.tail(size);
        String beyond = LogScan.tailProblem(size, tail[0], tail[3], tail[1]);
        if (beyond != null) {
            return bad(size, expected, checkpoints, size, beyond);
        }
        if (size > 0 && store.checkpoint(size) == null) {
            // Checkpoints are stored per batch (ADR 0011); the head's is written with the head.
            return bad(size, expected, checkpoints, size - 1, "the checkpoint of the head (size " + size + ") is missing");
        }
        return new FsckReport(size, expected, checkpoints, true, null, null);
    }

    /**
     * The stored subtree hashes that complete at a leaf index in [from, to): one range read per
     * level, so the check reads O(log n) rows per batch of entries, not one query per node.
     *
     * @return (level, node index) → hash, keyed by {@link NodeKey}
     */
    private static Map<Long, byte[]> nodesCompletedIn(AuditStore store, long from, long to) {
        Map<Long, byte[]> nodes = new HashMap<>();
        for (int level = 0; level < 62 && (1L << level) <= to; level++) {
            long[] span = LogScan.nodesCompletedIn(level, from, to);
            if (span == null) {
                continue;
            }
            for (Map.Entry<Long, byte[]> e : store.nodesAtLevel(level, span[0], span[1]).entrySet()) {
                nodes.put(NodeKey.of(level, e.getKey()), e.getValue());
            }
        }
        return nodes;
    }

    private static FsckReport bad(long size, long checked, long checkpoints, long index, String problem) {
        return new FsckReport(size, checked, checkpoints, false, index, problem);
    }
}
