package org.electionpool.hub.audit.domain;

import java.util.function.LongSupplier;

/**
 * Hands out audit entry references from blocks of {@value #BLOCK}: one {@code nextval} of
 * {@code audit_ref_seq} (which increments by {@value #BLOCK} since migration V20) reserves the
 * references {@code v … v + BLOCK − 1} for this allocator, so an append draws its reference without
 * a database round trip 63 times in 64 (issue 14).
 *
 * <p>Invariant: no reference is handed out twice by all the allocators of one database together,
 * because each hands out only references of blocks the sequence gave it. References a node never
 * hands out (it stopped) are gaps, as the references of rolled-back appends always were; a
 * reference orders nothing but the sequencer's pick among pending entries. Keep one allocator per
 * database: a block drawn from one database must never be used in another. Thread-safe.
 */
public final class RefBlocks {

    /** References per block; equal to {@code audit_ref_seq}'s increment. */
    public static final int BLOCK = 64;

    private long next;
    private long end;

    /**
     * @param sequence draws the next value of {@code audit_ref_seq} (the first reference of a new block)
     * @return a reference never handed out before
     */
    public synchronized long next(LongSupplier sequence) {
        if (next == end) {
            long start = sequence.getAsLong();
            next = start;
            end = Math.addExact(start, BLOCK);
        }
        return next++;
    }
}
