package org.electionpool.hub.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.electionpool.hub.api.cases.CaseView;
import org.electionpool.hub.api.cases.ItemResponseRequest;
import org.electionpool.hub.api.cases.ItemType;
import org.electionpool.hub.api.cases.Outcome;
import org.electionpool.hub.api.cases.StatementOfReasons;

/**
 * Turns a platform's item responses into statements of reasons in the shape of the EU DSA
 * Transparency Database (TDB): the JSON body of {@code POST https://transparency.dsa.ec.europa.eu/api/v1/statement}
 * (one statement) or the elements of {@code "statements"} for {@code POST …/api/v1/statements}
 * (up to 100), DSA Art. 24(5). A pure function of the {@link CaseView}: no I/O, no clock, no
 * container; thread-safe.
 *
 * <h2>What it follows</h2>
 * The statement schema of the TDB's "API v2" submission schema, in force since 1 July 2025 (the
 * endpoint path stays {@code /api/v1/}), as read in:
 * <ul>
 *   <li>https://transparency.dsa.ec.europa.eu/page/api-documentation (attributes, required-ness,
 *       value lists, length limits, date format, PUID syntax);</li>
 *   <li>https://transparency.dsa.ec.europa.eu/page/additional-explanation-for-statement-attributes
 *       and https://transparency.dsa.ec.europa.eu/page/documentation (meaning of each attribute,
 *       which {@code source_type} fits authorities' orders);</li>
 *   <li>https://github.com/digital-services-act/transparency-database — {@code app/Models/Statement.php}
 *       (value lists), the validation rules in {@code app/Services/GroupedSubmissionsService.php}
 *       and {@code app/Http/Requests/StatementsStoreRequest.php},
 *       {@code app/Services/EuropeanCountriesService.php} (allowed countries) and
 *       {@code resources/markdown/api-documentation-two.md}, {@code migration-to-api-v-two.md}
 *       (the v2 category list).</li>
 * </ul>
 * docs/dsa-statements.md has the full table; re-check it against the live documentation before
 * submitting in production.
 *
 * <h2>Which items give a statement</h2>
 * One statement per item that has a response whose outcome is a restriction. {@code NO_ACTION}
 * and {@code CANNOT_COMPLY} restrict nothing and give none (the TDB needs at least one of
 * {@code decision_visibility}, {@code decision_monetary}, {@code decision_provision},
 * {@code decision_account}). Neither does a response whose territorial scope names only
 * countries outside the EU/EEA: the TDB records decisions with effect in the Union.
 *
 * <h2>The mapping</h2>
 * <table>
 *   <caption>Outcome → restriction</caption>
 *   <tr><th>outcome</th><th>{@code decision_visibility}</th><th>{@code decision_account}</th></tr>
 *   <tr><td>REMOVED</td><td>[DECISION_VISIBILITY_CONTENT_REMOVED]</td><td>–</td></tr>
 *   <tr><td>DISABLED_IN_TERRITORY</td><td>[DECISION_VISIBILITY_CONTENT_DISABLED]</td><td>–</td></tr>
 *   <tr><td>RESTRICTED_VISIBILITY</td><td>the response's {@code decisionVisibility} if it is
 *       _CONTENT_DEMOTED, _CONTENT_AGE_RESTRICTED, _CONTENT_INTERACTION_RESTRICTED or _OTHER;
 *       otherwise [DECISION_VISIBILITY_CONTENT_DEMOTED]</td><td>–</td></tr>
 *   <tr><td>LABELLED</td><td>[DECISION_VISIBILITY_CONTENT_LABELLED]</td><td>–</td></tr>
 *   <tr><td>ACCOUNT_SUSPENDED</td><td>the response's {@code decisionVisibility} if it is a TDB
 *       value, else absent</td><td>DECISION_ACCOUNT_SUSPENDED</td></tr>
 *   <tr><td>NO_ACTION, CANNOT_COMPLY</td><td colspan="2">no statement</td></tr>
 * </table>
 * The outcome is what the platform did (DSA Art. 9(1)); where the response's
 * {@code decisionVisibility} contradicts it, the outcome wins. {@code DECISION_VISIBILITY_OTHER}
 * needs {@code decision_visibility_other}: the response's facts, cut to 500 characters.
 *
 * <p>The other attributes:
 * <ul>
 *   <li>{@code decision_ground}: the response's {@code decisionGround}. For
 *       {@code DECISION_GROUND_ILLEGAL_CONTENT}: {@code illegal_content_legal_ground} = the case's
 *       {@code legalBasis} (≤ 500) and {@code illegal_content_explanation} = the case's
 *       {@code statementOfReasons} (≤ 2000); where the authority gave neither (referrals may lack
 *       them), the platform's facts. For {@code DECISION_GROUND_INCOMPATIBLE_CONTENT}: the
 *       authority's text says nothing about the platform's terms, so {@code incompatible_content_ground}
 *       (≤ 500) and {@code incompatible_content_explanation} (≤ 2000) are the platform's facts.</li>
 *   <li>{@code content_type}: the hub does not know the media type, so
 *       {@code ["CONTENT_TYPE_OTHER"]} with {@code content_type_other} naming what the item is
 *       (e.g. {@code "Unspecified (identified by URL)"}, {@code "Account"}).</li>
 *   <li>{@code category}: the response's {@code category}, unchanged.</li>
 *   <li>{@code territorial_scope}: the response's {@code territorialScope}, or the case's when the
 *       response has none; {@code EU} becomes the 27 member states, parts of member states with
 *       their own ISO code become the state (AX → FI; GF, GP, MQ, RE, YT, MF → FR), codes outside
 *       the EU/EEA are dropped, duplicates removed, order kept. {@code []} when neither names a
 *       territory.</li>
 *   <li>{@code content_date} (required, {@code YYYY-MM-DD}): the hub does not know when the
 *       content was posted. It uses the earliest date it knows the content existed: the earliest
 *       of the case's {@code issuedAt}, {@code createdAt} and the response's
 *       {@code actionTakenAt} — an upper bound on the real date, not the posting date.</li>
 *   <li>{@code application_date}: the UTC date of {@code actionTakenAt}. No end dates: the hub
 *       records none, and a blank end date means indefinite.</li>
 *   <li>{@code decision_facts}: the response's facts (≤ 5000).</li>
 *   <li>{@code source_type}: {@code SOURCE_TYPE_OTHER_NOTIFICATION} — the TDB's value for orders
 *       and notifications of authorities (its documentation names it for authorities' orders
 *       outside Art. 9; it has no value for Art. 9 orders, see below). {@code source_identity}: the
 *       authority's organisation id (optional in the TDB, ≤ 500, not personal data).</li>
 *   <li>{@code automated_detection}: {@code "Yes"}/{@code "No"}; {@code automated_decision}: the
 *       response's value.</li>
 *   <li>{@code puid}: {@code <case id>_<item number>}, e.g. {@code case-…-1f2e_2}: unique and
 *       stable. The TDB allows only letters, digits, {@code -} and {@code _} in a PUID, so the
 *       separator is {@code _} (case ids contain none). Stable means a second export of the same
 *       item is refused by the TDB ({@code 422}, the PUID exists): a statement cannot be
 *       replaced there.</li>
 * </ul>
 * Free texts are cut to the TDB's limits in Unicode code points, ending in {@code …} when cut.
 *
 * <h2>What it cannot know</h2>
 * The media type and posting date of the content, the content's language (the case's
 * {@code language} is the order's), the account type, end dates, a URL of the legal or
 * contractual ground, the platform's own terms-and-conditions clause, and whether free texts
 * hold personal data: the TDB must not receive any (DSA Art. 24(5)), and this class copies the
 * authority's and the platform's texts as they are. Nor does it decide whether a statement must
 * be submitted: DSA Art. 17(5) excludes orders under Art. 9 from Art. 17, so for a
 * {@code REMOVAL_ORDER} that is an Art. 9 order the submission is the platform's choice, not an
 * obligation.
 */
public final class DsaStatements {

    /** {@code illegal_content_legal_ground}, {@code incompatible_content_ground}, {@code *_other}, {@code source_identity}. */
    static final int MAX_SHORT = 500;
    /** {@code illegal_content_explanation}, {@code incompatible_content_explanation}. */
    static final int MAX_EXPLANATION = 2000;
    /** {@code decision_facts}. */
    static final int MAX_FACTS = 5000;

    static final String VISIBILITY_REMOVED = "DECISION_VISIBILITY_CONTENT_REMOVED";
    static final String VISIBILITY_DISABLED = "DECISION_VISIBILITY_CONTENT_DISABLED";
    static final String VISIBILITY_DEMOTED = "DECISION_VISIBILITY_CONTENT_DEMOTED";
    static final String VISIBILITY_AGE_RESTRICTED = "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED";
    static final String VISIBILITY_INTERACTION_RESTRICTED = "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED";
    static final String VISIBILITY_LABELLED = "DECISION_VISIBILITY_CONTENT_LABELLED";
    static final String VISIBILITY_OTHER = "DECISION_VISIBILITY_OTHER";
    static final String ACCOUNT_SUSPENDED = "DECISION_ACCOUNT_SUSPENDED";
    static final String GROUND_ILLEGAL = "DECISION_GROUND_ILLEGAL_CONTENT";
    static final String GROUND_INCOMPATIBLE = "DECISION_GROUND_INCOMPATIBLE_CONTENT";
    static final String CONTENT_TYPE_OTHER = "CONTENT_TYPE_OTHER";
    static final String SOURCE_OTHER_NOTIFICATION = "SOURCE_TYPE_OTHER_NOTIFICATION";

    /** The TDB's {@code DECISION_VISIBILITIES}. */
    private static final Set<String> VISIBILITIES = Set.of(VISIBILITY_REMOVED, VISIBILITY_DISABLED,
            VISIBILITY_DEMOTED, VISIBILITY_AGE_RESTRICTED, VISIBILITY_INTERACTION_RESTRICTED, VISIBILITY_LABELLED,
            VISIBILITY_OTHER);

    /** What {@link Outcome#RESTRICTED_VISIBILITY} may be refined to. */
    private static final Set<String> RESTRICTIONS = Set.of(VISIBILITY_DEMOTED, VISIBILITY_AGE_RESTRICTED,
            VISIBILITY_INTERACTION_RESTRICTED, VISIBILITY_OTHER);

    /** The TDB's {@code EUROPEAN_UNION_COUNTRY_CODES}, in its order. */
    static final List<String> EU = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
            "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    /** The TDB's {@code EUROPEAN_COUNTRY_CODES}: the EU and the other EEA states. */
    private static final Set<String> EEA = Stream.concat(EU.stream(), Stream.of("IS", "LI", "NO"))
            .collect(Collectors.toUnmodifiableSet());

    /** Parts of member states, in the Union, with an ISO 3166-1 code of their own. */
    private static final Map<String, String> PART_OF = Map.of("AX", "FI", "GF", "FR", "GP", "FR", "MQ", "FR",
            "RE", "FR", "YT", "FR", "MF", "FR");

    private DsaStatements() {
    }

    /**
     * @param c the case, as its platform sees it
     * @return one statement per item whose response restricts something in the EU/EEA, in item
     *         order, each serialised with the TDB's attribute names in its order
     */
    public static List<StatementOfReasons> of(CaseView c) {
        Objects.requireNonNull(c, "c");
        List<StatementOfReasons> statements = new ArrayList<>();
        for (CaseView.ItemView item : c.items()) {
            of(c, item).ifPresent(statements::add);
        }
        return List.copyOf(statements);
    }

    /**
     * @param c    the case
     * @param item one of its items
     * @return the item's statement, or empty when it has no response or the response restricts
     *         nothing in the EU/EEA
     */
    public static Optional<StatementOfReasons> of(CaseView c, CaseView.ItemView item) {
        Objects.requireNonNull(c, "c");
        Objects.requireNonNull(item, "item");
        CaseView.ResponseView response = item.response();
        if (response == null || response.outcome() == null) {
            return Optional.empty();
        }
        ItemResponseRequest.Statement s = Objects.requireNonNull(response.statement(),
                () -> "item " + item.number() + ": a response without its statement");
        Instant actionTakenAt = Objects.requireNonNull(response.actionTakenAt(),
                () -> "item " + item.number() + ": a response without actionTakenAt");
        String visibility = visibility(response.outcome(), s.decisionVisibility());
        boolean account = response.outcome() == Outcome.ACCOUNT_SUSPENDED;
        if (visibility == null && !account) {
            return Optional.empty();
        }
        List<String> scope = territorialScope(s.territorialScope(), c.territorialScope());
        if (scope == null) {
            return Optional.empty();
        }
        String facts = s.facts() == null ? "" : s.facts();

        String legalGround = null;
        String legalExplanation = null;
        String incompatibleGround = null;
        String incompatibleExplanation = null;
        if (GROUND_ILLEGAL.equals(s.decisionGround())) {
            legalGround = cut(orElse(c.legalBasis(), facts), MAX_SHORT);
            legalExplanation = cut(orElse(c.statementOfReasons(), facts), MAX_EXPLANATION);
        } else if (GROUND_INCOMPATIBLE.equals(s.decisionGround())) {
            incompatibleGround = cut(facts, MAX_SHORT);
            incompatibleExplanation = cut(facts, MAX_EXPLANATION);
        }
        return Optional.of(new StatementOfReasons(
                visibility == null ? null : List.of(visibility),
                VISIBILITY_OTHER.equals(visibility) ? cut(facts, MAX_SHORT) : null,
                account ? ACCOUNT_SUSPENDED : null,
                s.decisionGround(),
                legalGround, legalExplanation, incompatibleGround, incompatibleExplanation,
                List.of(CONTENT_TYPE_OTHER),
                contentTypeOther(item.type()),
                s.category(),
                scope,
                date(earliest(c.issuedAt(), c.createdAt(), actionTakenAt)),
                date(actionTakenAt),
                cut(facts, MAX_FACTS),
                SOURCE_OTHER_NOTIFICATION,
                c.authority() != null && !c.authority().isBlank() ? cut(c.authority(), MAX_SHORT) : null,
                Boolean.TRUE.equals(s.automatedDetection()) ? "Yes" : "No",
                s.automatedDecision(),
                puid(c.id(), item.number())));
    }

    /**
     * @param caseId     the case id ({@code case-} and a UUID)
     * @param itemNumber the 1-based item number
     * @return the item's Platform Unique Identifier: {@code <caseId>_<itemNumber>}
     */
    public static String puid(String caseId, int itemNumber) {
        return caseId + "_" + itemNumber;
    }

    /** @return the TDB visibility restriction for the outcome, or {@code null} for none */
    private static String visibility(Outcome outcome, String given) {
        return switch (outcome) {
            case REMOVED -> VISIBILITY_REMOVED;
            case DISABLED_IN_TERRITORY -> VISIBILITY_DISABLED;
            case RESTRICTED_VISIBILITY -> given != null && RESTRICTIONS.contains(given) ? given : VISIBILITY_DEMOTED;
            case LABELLED -> VISIBILITY_LABELLED;
            case ACCOUNT_SUSPENDED -> given != null && VISIBILITIES.contains(given) ? given : null;
            case NO_ACTION, CANNOT_COMPLY -> null;
        };
    }

    /**
     * @return the TDB countries of the response's scope, or of the case's when the response names
     *         none; {@code []} when neither names any; {@code null} when the scope names only
     *         territories outside the EU/EEA
     */
    static List<String> territorialScope(List<String> response, List<String> fallback) {
        List<String> given = response != null && !response.isEmpty() ? response : fallback;
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String code : given) {
            if (code == null) {
                continue;
            }
            if ("EU".equals(code)) {
                out.addAll(EU);
            } else if (PART_OF.containsKey(code)) {
                out.add(PART_OF.get(code));
            } else if (EEA.contains(code)) {
                out.add(code);
            }
        }
        return out.isEmpty() ? null : List.copyOf(out);
    }

    private static String contentTypeOther(ItemType type) {
        if (type == null) {
            return "Unspecified";
        }
        return switch (type) {
            case CONTENT_URL -> "Unspecified (identified by URL)";
            case PLATFORM_CONTENT_ID -> "Unspecified (identified by the platform's content id)";
            case CONTENT_HASH -> "Unspecified (identified by content hash)";
            case ACCOUNT -> "Account";
            case HASHTAG -> "Hashtag";
        };
    }

    private static Instant earliest(Instant... instants) {
        Instant min = null;
        for (Instant i : instants) {
            if (i != null && (min == null || i.isBefore(min))) {
                min = i;
            }
        }
        return min;
    }

    /** @return {@code YYYY-MM-DD}, the UTC date */
    static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static String orElse(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }

    /**
     * @return {@code s} if it has at most {@code max} code points, else its first {@code max - 1}
     *         code points and {@code …}
     */
    static String cut(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
