package org.electionpool.hub.api.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.electionpool.hub.api.organizations.IsoCountry;
import org.electionpool.hub.api.time.InstantWindow;

/**
 * The platform's response to one item ({@code PUT /api/v1/cases/{id}/items/{n}/response}).
 *
 * @param outcome       what was done
 * @param actionTakenAt when it was done (DSA Art. 9(1): "the effect given to the order … and the time"), inside
 *                      {@link InstantWindow}
 * @param tcoReason     required for {@link Outcome#CANNOT_COMPLY}, refused otherwise
 * @param statement     the statement of reasons, shaped like the DSA Transparency Database's
 */
public record ItemResponseRequest(@NotNull Outcome outcome, @NotNull @InstantWindow Instant actionTakenAt, TcoReason tcoReason,
                                  @NotNull @Valid Statement statement) {

    /**
     * DSA Art. 17 statement of reasons, with the DSA Transparency Database's field names in mind.
     *
     * @param decisionVisibility  e.g. {@code DECISION_VISIBILITY_CONTENT_REMOVED}
     * @param decisionGround      {@code DECISION_GROUND_ILLEGAL_CONTENT} or {@code DECISION_GROUND_INCOMPATIBLE_CONTENT}
     * @param category            e.g. {@code STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS}
     * @param automatedDetection  whether the content was detected by automated means
     * @param automatedDecision   {@code AUTOMATED_DECISION_FULLY}, {@code _PARTIALLY} or {@code _NOT_AUTOMATED}
     * @param territorialScope    ISO 3166-1 codes where the decision applies
     * @param facts               facts and circumstances relied on
     */
    public record Statement(
            @NotNull @Pattern(regexp = "DECISION_VISIBILITY_[A-Z_]{1,64}") String decisionVisibility,
            @NotNull @Pattern(regexp = "DECISION_GROUND_(ILLEGAL_CONTENT|INCOMPATIBLE_CONTENT)") String decisionGround,
            @NotNull @Pattern(regexp = "STATEMENT_CATEGORY_[A-Z_]{1,80}") String category,
            @NotNull Boolean automatedDetection,
            @NotNull @Pattern(regexp = "AUTOMATED_DECISION_(FULLY|PARTIALLY|NOT_AUTOMATED)") String automatedDecision,
            @Size(max = 60) List<@NotNull @IsoCountry String> territorialScope,
            @NotBlank @Size(max = 5000) String facts) {
    }
}
