package org.electionpool.hub.protocol.log;

import java.util.HexFormat;

/**
 * A Merkle proof does not hold. When it failed on the root, {@link #expected()} and
 * {@link #computed()} carry both values; otherwise they are {@code null} (malformed proof).
 */
public class ProofException extends Exception {

    private static final long serialVersionUID = 1L;

    private final byte[] expected;
    private final byte[] computed;

    /** @param message why the proof is malformed */
    public ProofException(String message) {
        super(message);
        this.expected = null;
        this.computed = null;
    }

    /**
     * @param what     which root did not match, e.g. "root" or "first root"
     * @param expected the root the caller holds
     * @param computed the root the proof leads to
     */
    public ProofException(String what, byte[] expected, byte[] computed) {
        super(what + " mismatch: expected " + HexFormat.of().formatHex(expected) + ", computed "
                + HexFormat.of().formatHex(computed));
        this.expected = expected.clone();
        this.computed = computed.clone();
    }

    /** @return the root the caller holds, or {@code null} */
    public byte[] expected() {
        return expected == null ? null : expected.clone();
    }

    /** @return the root the proof leads to, or {@code null} */
    public byte[] computed() {
        return computed == null ? null : computed.clone();
    }
}
