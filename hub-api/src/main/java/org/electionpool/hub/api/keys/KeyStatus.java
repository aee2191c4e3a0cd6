package org.electionpool.hub.api.keys;

/**
 * The life cycle of a registered key. Keys are never deleted, so that evidence signed with them
 * stays verifiable.
 */
public enum KeyStatus {
    /** In use: messages signed with it are accepted; answers are encrypted to it. */
    ACTIVE,
    /** Replaced: no new message signed with it is accepted; old signatures still verify. */
    RETIRED,
    /** Compromised: from its revocation time nothing signed with it is accepted; evidence signed
     *  earlier stays verifiable and is marked so. */
    REVOKED
}
