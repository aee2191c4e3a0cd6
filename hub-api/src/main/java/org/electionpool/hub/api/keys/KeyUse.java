package org.electionpool.hub.api.keys;

/**
 * What a key is for (RFC 7517 §4.2 {@code use}). A key has exactly one use.
 */
public enum KeyUse {
    /** Signing: the key verifies the organisation's JWS signatures. */
    SIG("sig"),
    /** Encryption: answers and deliveries to the organisation are encrypted to it. */
    ENC("enc");

    private final String jwkValue;

    KeyUse(String jwkValue) {
        this.jwkValue = jwkValue;
    }

    /** @return the JWK {@code use} value, {@code sig} or {@code enc} */
    public String jwkValue() {
        return jwkValue;
    }
}
