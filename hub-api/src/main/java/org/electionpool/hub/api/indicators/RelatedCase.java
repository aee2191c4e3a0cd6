package org.electionpool.hub.api.indicators;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.electionpool.hub.api.cases.CaseId;

/**
 * A case (and optionally one of its items) that an indicator or a sighting relates to. Only a case
 * the caller is party to can be named, and only the caller ever sees the link.
 *
 * @param caseId the case
 * @param item   the item's number (1-based), or {@code null} for the case as a whole
 */
public record RelatedCase(@NotNull @Pattern(regexp = CaseId.PATTERN, message = "must be a case id") String caseId,
                          @Min(1) @Max(100) Integer item) {
}
