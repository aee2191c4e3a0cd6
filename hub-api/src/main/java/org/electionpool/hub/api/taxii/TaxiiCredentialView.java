package org.electionpool.hub.api.taxii;

import java.time.Instant;

/**
 * A TAXII credential as listed: never its token.
 *
 * @param username     the user name a TAXII client sends (HTTP Basic)
 * @param organization the organisation it acts for
 * @param label        what it is for
 * @param created      when it was issued
 * @param createdBy    the signing key id that issued it
 * @param revoked      when it was revoked, or {@code null}
 */
public record TaxiiCredentialView(String username, String organization, String label, Instant created, String createdBy,
                                  Instant revoked) {
}
