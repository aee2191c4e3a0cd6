package org.electionpool.hub.api.indicators;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Traffic Light Protocol 2.0 markings (FIRST, TLP version 2.0, 2022), from the loosest to the
 * tightest. The wire form is {@link #label()} ({@code AMBER+STRICT}, not the constant's name).
 *
 * <p>Who may read what each marks is the hub's rule, enforced in the service tier
 * (docs/indicators.md): {@code CLEAR} every organisation; {@code GREEN} every member organisation
 * (authorities and platforms); {@code AMBER} the author and the organisations named or the members
 * of a named sharing group; {@code AMBER+STRICT} and {@code RED} the author and the organisations
 * named. The order of the constants is the order of tightness: {@link #atLeast} is the check that
 * a derived marking is never looser than its source's.
 */
public enum Tlp {
    /** Disclosure is not limited. */
    CLEAR("CLEAR"),
    /** Limited disclosure, the community. */
    GREEN("GREEN"),
    /** Limited disclosure, the recipients' organisations and whom they need to tell. */
    AMBER("AMBER"),
    /** Limited disclosure, the recipients' organisations only. */
    AMBER_STRICT("AMBER+STRICT"),
    /** For the eyes and ears of the individual recipients only. */
    RED("RED");

    /** The wire forms, as a regular expression. */
    public static final String PATTERN = "CLEAR|GREEN|AMBER|AMBER\\+STRICT|RED";

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    /** @return the wire form, e.g. {@code AMBER+STRICT} */
    public String label() {
        return label;
    }

    /** @return whether this marking is as tight as {@code other} or tighter */
    public boolean atLeast(Tlp other) {
        return compareTo(other) >= 0;
    }

    /** @return whether recipients are named one by one ({@code AMBER} and tighter) */
    public boolean namesRecipients() {
        return atLeast(AMBER);
    }

    /** @return whether a sharing group may carry it: only {@code AMBER} (a group can grow) */
    public boolean allowsGroups() {
        return this == AMBER;
    }

    /** @return the marking of a wire form; empty for anything else (untrusted, may be {@code null}) */
    public static Optional<Tlp> parse(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    /** @return the marking of a wire form already validated against {@link #PATTERN} */
    public static Tlp of(String label) {
        return parse(label).orElseThrow(() -> new IllegalArgumentException("not a TLP 2.0 marking: " + label));
    }
}
