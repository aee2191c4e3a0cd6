package org.electionpool.hub.api.taxii;

import java.util.List;

/**
 * The caller's TAXII credentials, newest first.
 *
 * @param credentials the credentials, revoked ones included
 */
public record TaxiiCredentialList(List<TaxiiCredentialView> credentials) {
}
