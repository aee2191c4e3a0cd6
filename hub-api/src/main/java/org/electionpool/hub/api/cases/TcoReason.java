package org.electionpool.hub.api.cases;

/**
 * Why a platform cannot comply with a removal order — the grounds of the TCO Regulation
 * (Regulation (EU) 2021/784) Art. 3(7)–(8) and its Annex III.
 */
public enum TcoReason {
    /** Force majeure or de facto impossibility not attributable to the platform (Art. 3(7)). */
    FORCE_MAJEURE,
    /** The order contains manifest errors (Art. 3(8)). */
    MANIFEST_ERROR,
    /** The order does not contain sufficient information to execute it (Art. 3(8)); the clock restarts once clarified. */
    INSUFFICIENT_INFORMATION
}
