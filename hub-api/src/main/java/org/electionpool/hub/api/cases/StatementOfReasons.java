package org.electionpool.hub.api.cases;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One statement of reasons in the submission format of the EU DSA Transparency Database (TDB):
 * the JSON body of {@code POST https://transparency.dsa.ec.europa.eu/api/v1/statement}, attributes
 * in the TDB's order, with its snake-case names (docs/dsa-statements.md has the mapping).
 *
 * <p>Invariant: an absent attribute is {@code null} and is left out of the JSON (the hub's binding
 * writes no nulls); lists are unmodifiable. The members that every statement has are never
 * {@code null}.
 *
 * @param decisionVisibility             {@code decision_visibility}: one {@code DECISION_VISIBILITY_…}, or {@code null}
 * @param decisionVisibilityOther        {@code decision_visibility_other}, with {@code DECISION_VISIBILITY_OTHER} only
 * @param decisionAccount                {@code decision_account}: {@code DECISION_ACCOUNT_SUSPENDED}, or {@code null}
 * @param decisionGround                 {@code decision_ground}
 * @param illegalContentLegalGround      {@code illegal_content_legal_ground}, for illegal content
 * @param illegalContentExplanation      {@code illegal_content_explanation}, for illegal content
 * @param incompatibleContentGround      {@code incompatible_content_ground}, for incompatible content
 * @param incompatibleContentExplanation {@code incompatible_content_explanation}, for incompatible content
 * @param contentType                    {@code content_type}
 * @param contentTypeOther               {@code content_type_other}
 * @param category                       {@code category}
 * @param territorialScope               {@code territorial_scope}: EU/EEA ISO codes, possibly empty
 * @param contentDate                    {@code content_date}, {@code YYYY-MM-DD}
 * @param applicationDate                {@code application_date}, {@code YYYY-MM-DD}
 * @param decisionFacts                  {@code decision_facts}
 * @param sourceType                     {@code source_type}
 * @param sourceIdentity                 {@code source_identity}: the authority's organisation id, or {@code null}
 * @param automatedDetection             {@code automated_detection}: {@code Yes} or {@code No}
 * @param automatedDecision              {@code automated_decision}
 * @param puid                           {@code puid}: {@code <case id>_<item number>}
 */
@JsonbPropertyOrder({"decisionVisibility", "decisionVisibilityOther", "decisionAccount", "decisionGround",
        "illegalContentLegalGround", "illegalContentExplanation", "incompatibleContentGround",
        "incompatibleContentExplanation", "contentType", "contentTypeOther", "category", "territorialScope",
        "contentDate", "applicationDate", "decisionFacts", "sourceType", "sourceIdentity", "automatedDetection",
        "automatedDecision", "puid"})
public record StatementOfReasons(
        @JsonbProperty("decision_visibility") List<String> decisionVisibility,
        @JsonbProperty("decision_visibility_other") String decisionVisibilityOther,
        @JsonbProperty("decision_account") String decisionAccount,
        @JsonbProperty("decision_ground") String decisionGround,
        @JsonbProperty("illegal_content_legal_ground") String illegalContentLegalGround,
        @JsonbProperty("illegal_content_explanation") String illegalContentExplanation,
        @JsonbProperty("incompatible_content_ground") String incompatibleContentGround,
        @JsonbProperty("incompatible_content_explanation") String incompatibleContentExplanation,
        @JsonbProperty("content_type") List<String> contentType,
        @JsonbProperty("content_type_other") String contentTypeOther,
        @JsonbProperty("category") String category,
        @JsonbProperty("territorial_scope") List<String> territorialScope,
        @JsonbProperty("content_date") String contentDate,
        @JsonbProperty("application_date") String applicationDate,
        @JsonbProperty("decision_facts") String decisionFacts,
        @JsonbProperty("source_type") String sourceType,
        @JsonbProperty("source_identity") String sourceIdentity,
        @JsonbProperty("automated_detection") String automatedDetection,
        @JsonbProperty("automated_decision") String automatedDecision,
        @JsonbProperty("puid") String puid) {

    public StatementOfReasons {
        decisionVisibility = decisionVisibility == null ? null : List.copyOf(decisionVisibility);
        contentType = List.copyOf(Objects.requireNonNull(contentType, "contentType"));
        territorialScope = List.copyOf(Objects.requireNonNull(territorialScope, "territorialScope"));
        Objects.requireNonNull(contentDate, "contentDate");
        Objects.requireNonNull(applicationDate, "applicationDate");
        Objects.requireNonNull(decisionFacts, "decisionFacts");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(automatedDetection, "automatedDetection");
        Objects.requireNonNull(puid, "puid");
    }

    /**
     * @return the statement as the TDB's attributes, in its order, absent ones left out (what the
     *         JSON holds): for callers that hand it on as a map
     */
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "decision_visibility", decisionVisibility);
        put(m, "decision_visibility_other", decisionVisibilityOther);
        put(m, "decision_account", decisionAccount);
        put(m, "decision_ground", decisionGround);
        put(m, "illegal_content_legal_ground", illegalContentLegalGround);
        put(m, "illegal_content_explanation", illegalContentExplanation);
        put(m, "incompatible_content_ground", incompatibleContentGround);
        put(m, "incompatible_content_explanation", incompatibleContentExplanation);
        put(m, "content_type", contentType);
        put(m, "content_type_other", contentTypeOther);
        put(m, "category", category);
        put(m, "territorial_scope", territorialScope);
        put(m, "content_date", contentDate);
        put(m, "application_date", applicationDate);
        put(m, "decision_facts", decisionFacts);
        put(m, "source_type", sourceType);
        put(m, "source_identity", sourceIdentity);
        put(m, "automated_detection", automatedDetection);
        put(m, "automated_decision", automatedDecision);
        put(m, "puid", puid);
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, Object> m, String name, Object value) {
        if (value != null) {
            m.put(name, value);
        }
    }
}
