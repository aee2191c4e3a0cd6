package org.electionpool.hub.api.taxii;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A request for a TAXII credential.
 *
 * @param label what the credential is for, e.g. {@code OpenCTI production feed} (shown in lists)
 */
public record TaxiiCredentialRequest(@NotBlank @Size(max = 200) String label) {
}
