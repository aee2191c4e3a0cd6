package org.electionpool.hub.indicators.internal;

import java.util.Set;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Authorization;
import org.electionpool.hub.api.security.Caller;

/**
 * The one statement of who may read an indicator or a sighting, as SQL predicates that every read
 * path puts in its {@code where} clause (docs/indicators.md, Visibility), so that nothing is
 * filtered after the fact and no path can forget a rule. The reader is given as two SQL
 * expressions, its organisation id and its kind: bind parameters for a caller's read, columns of
 * {@code organization} when the recipients of an event are computed — the same predicate both ways.
 *
 * <p>An indicator {@code i} is readable by organisation {@code o} of kind {@code k} when {@code o}
 * is its author, or when its current marking lets {@code o} read it ({@link #marking}) and {@code o}
 * may read every indicator it was derived from (its lineage) by the same rule or as their author.
 * The marking rule ({@code i.tlp}): {@code CLEAR} everyone; {@code GREEN} authorities and
 * platforms; {@code AMBER}, {@code AMBER+STRICT} and {@code RED} authorities and platforms named in
 * its recipients, and for {@code AMBER} also the owner and the current members of a named sharing
 * group. A sighting {@code s} of {@code i} is readable by its reporter, and by anyone who may read
 * {@code i} and is {@code i}'s author or may read {@code s} under its own marking by the same rule.
 */
final class Visibility {

    /** The kinds that share, report and belong to groups. */
    static final Set<OrganizationKind> SHARING_KINDS = Set.of(OrganizationKind.AUTHORITY, OrganizationKind.PLATFORM);

    private static final String SHARING = "('AUTHORITY', 'PLATFORM')";

    private Visibility() {
    }

    /**
     * For what only a sharing organisation does (share, report, make or join a group).
     *
     * @throws HubException {@code FORBIDDEN} for auditors, the operator and the hub itself
     */
    static void requireSharingKind(Caller caller) {
        Authorization.requireMember(caller);
        if (!SHARING_KINDS.contains(caller.kind())) {
            throw new HubException(ProblemType.FORBIDDEN, "Only authorities and platforms share indicators, report"
                    + " sightings and make sharing groups.");
        }
    }

    /**
     * @param i    the alias of the {@code indicator} row
     * @param org  the reader's organisation id (an SQL expression)
     * @param kind the reader's kind (an SQL expression)
     * @return the predicate "the reader may read indicator {@code i}"
     */
    static String indicator(String i, String org, String kind) {
        return "(" + i + ".author_org = " + org + " or (" + marking(i, "indicator_recipient", "indicator_group",
                "indicator_id", org, kind) + " and not exists (select 1 from indicator_lineage vl join indicator va"
                + " on va.id = vl.ancestor_id where vl.indicator_id = " + i + ".id and not (va.author_org = " + org
                + " or " + marking("va", "indicator_recipient", "indicator_group", "indicator_id", org, kind) + "))))";
    }

    /**
     * @param s    the alias of the {@code sighting} row
     * @param i    the alias of its {@code indicator} row
     * @param org  the reader's organisation id (an SQL expression)
     * @param kind the reader's kind (an SQL expression)
     * @return the predicate "the reader may read sighting {@code s}"
     */
    static String sighting(String s, String i, String org, String kind) {
        return "(" + s + ".reporter_org = " + org + " or (" + indicator(i, org, kind) + " and (" + i + ".author_org = "
                + org + " or " + marking(s, "sighting_recipient", "sighting_group", "sighting_id", org, kind) + ")))";
    }

    private static String marking(String x, String recipients, String groups, String fk, String org, String kind) {
        return "(" + x + ".tlp = 'CLEAR' or (" + kind + " in " + SHARING + " and (" + x + ".tlp = 'GREEN'"
                + " or exists (select 1 from " + recipients + " vr where vr." + fk + " = " + x + ".id and vr.org_id = " + org + ")"
                + " or (" + x + ".tlp = 'AMBER' and exists (select 1 from " + groups + " vg join sharing_group vs on vs.id = vg.group_id"
                + " where vg." + fk + " = " + x + ".id and (vs.owner_org = " + org + " or exists (select 1 from sharing_group_member vm"
                + " where vm.group_id = vg.group_id and vm.org_id = " + org + ")))))))";
    }
}
