package org.electionpool.hub.api.taxii;

import java.time.Instant;

/**
 * A TAXII credential as issued: the only time its token is shown (the hub keeps its SHA-256 only).
 *
 * @param username     the user name (HTTP Basic)
 * @param token        the secret: the Basic password, or the Bearer token on its own
 * @param organization the organisation it acts for
 * @param label        what it is for
 * @param created      when it was issued
 */
public record IssuedTaxiiCredential(String username, String token, String organization, String label, Instant created) {

    /** Never shows the token. */
    @Override
    public String toString() {
        return "IssuedTaxiiCredential[username=" + username + ", organization=" + organization + "]";
    }
}
