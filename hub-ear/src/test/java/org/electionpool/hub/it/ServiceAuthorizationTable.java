package org.electionpool.hub.it;

import jakarta.ejb.Local;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.security.Caller;

/**
 * The service-tier authorisation matrix of docs/architecture.md (Authorisation) as data: for every
 * method of every {@code @Local} service interface in hub-api, who may call it on whose data, and
 * what everybody else gets. {@link ServiceAuthorizationIT} runs every row inside the server;
 * {@link #missing} fails the build when a service method has no row, so a new method cannot ship
 * without a rule.
 *
 * <p>One line per method (and data): the method, the data it acts on, then one cell per caller in
 * the order of {@link #COLUMNS} — {@code ok} allowed, {@code 403} {@code FORBIDDEN}, {@code 404}
 * {@code NOT_FOUND}, {@code IAE} refused as a programming error ({@link IllegalArgumentException}),
 * {@code -} no such combination. A method without a caller (public by design) has the single cell
 * {@code public}.
 *
 * <p>Data: {@code own} — the caller's own organisation, or a case it is party to, or an audit entry
 * it wrote; {@code foreign} — a fixture organisation the test registers, a case it is no party to,
 * another organisation's entry; {@code none} — the method names no data of a particular owner (it
 * creates, or reads the caller's own by construction); {@code mismatch} — the caller is passed with
 * the audit context of another organisation.
 */
final class ServiceAuthorizationTable {

    /** Who calls: the demo organisations of dev mode, the hub itself, or nobody (public methods). */
    enum Who {
        /** The authority of the test's cases. */
        AUTHORITY("election-authority-fi", OrganizationKind.AUTHORITY),
        /** The platform the test's cases are addressed to. */
        PLATFORM("platform-alpha", OrganizationKind.PLATFORM),
        AUDITOR("auditor-national-audit-office", OrganizationKind.AUDITOR),
        OPERATOR("hub-operator", OrganizationKind.OPERATOR),
        /** Another authority: no party to the test's cases (its own: to {@link #OTHER_PLATFORM}). */
        OTHER_AUTHORITY("ministry-of-justice-fi", OrganizationKind.AUTHORITY),
        /** Another platform: no party to the test's cases. */
        OTHER_PLATFORM("platform-beta", OrganizationKind.PLATFORM),
        /** The hub itself: {@link Caller#system}. */
        HUB(null, OrganizationKind.OPERATOR),
        /** No caller at all: a method public by design. */
        NOBODY(null, null);

        final String organization;
        final OrganizationKind kind;

        Who(String organization, OrganizationKind kind) {
            this.organization = organization;
            this.kind = kind;
        }
    }

    /** The callers of the table's columns, in order. */
    static final List<Who> COLUMNS = List.of(Who.AUTHORITY, Who.PLATFORM, Who.AUDITOR, Who.OPERATOR,
            Who.OTHER_AUTHORITY, Who.OTHER_PLATFORM, Who.HUB);

    /** Whose data a row acts on. */
    enum Data { OWN, FOREIGN, NONE, MISMATCH }

    /** What a call gets. */
    enum Outcome { ALLOWED, FORBIDDEN, NOT_FOUND, MISMATCH }

    /** Interfaces exempt from the rule, with why: the authentication step itself (see its Javadoc). */
    static final Set<String> EXEMPT = Set.of("EnvelopeService");

    /**
     * One call and its documented outcome.
     *
     * @param service  the interface's simple name
     * @param method   the method's name
     * @param variant  a variant of the same method (e.g. {@code own-side}: which side's action), or empty
     * @param who      the caller
     * @param data     whose data
     * @param expected the documented outcome
     */
    record Row(String service, String method, String variant, Who who, Data data, Outcome expected) {

        /** @return {@code Service.method[variant]}, the key of the call that runs it */
        String call() {
            return service + "." + method + (variant.isEmpty() ? "" : "[" + variant + "]");
        }

        @Override
        public String toString() {
            return call() + " as " + who + " on " + data.name().toLowerCase(java.util.Locale.ROOT) + " data";
        }
    }

    //                                           data      AUTH PLAT AUDIT OPER O-AUTH O-PLAT HUB
    static final String[] TABLE = {
            "OrganizationService.create              none      403  403  403   ok   403    403    ok",
            "OrganizationService.create              mismatch  -    -    -     IAE  -      -      IAE",
            "OrganizationService.setStatus           foreign   403  403  403   ok   403    403    ok",
            "OrganizationService.setStatus           mismatch  -    -    -     IAE  -      -      -",
            "OrganizationService.find                own       ok   ok   ok    ok   ok     ok     -",
            "OrganizationService.find                foreign   ok   ok   ok    ok   ok     ok     ok",
            "OrganizationService.list                none      ok   ok   ok    ok   ok     ok     ok",

            "OrganizationKeyService.add              own       ok   ok   ok    ok   ok     ok     -",
            "OrganizationKeyService.add              foreign   403  403  403   ok   403    403    ok",
            "OrganizationKeyService.add              mismatch  IAE  -    -     IAE  -      -      -",
            "OrganizationKeyService.retire           own       ok   ok   ok    ok   ok     ok     -",
            "OrganizationKeyService.retire           foreign   403  403  403   ok   403    403    ok",
            "OrganizationKeyService.retire           mismatch  IAE  -    -     -    -      -      -",
            "OrganizationKeyService.revoke           own       ok   ok   ok    ok   ok     ok     -",
            "OrganizationKeyService.revoke           foreign   403  403  403   ok   403    403    ok",
            "OrganizationKeyService.revoke           mismatch  -    IAE  -     -    -      -      -",
            "OrganizationKeyService.list             own       ok   ok   ok    ok   ok     ok     -",
            "OrganizationKeyService.list             foreign   ok   ok   ok    ok   ok     ok     ok",

            "WebhookService.register                 none      ok   ok   ok    ok   ok     ok     403",
            "WebhookService.register                 mismatch  -    IAE  -     -    -      -      -",
            "WebhookService.get                      none      ok   ok   ok    ok   ok     ok     403",
            "WebhookService.remove                   none      ok   ok   ok    ok   ok     ok     403",
            "WebhookService.remove                   mismatch  IAE  -    -     -    -      -      -",
            "WebhookService.deliveries               none      ok   ok   ok    ok   ok     ok     403",

            "CaseService.create                      none      ok   403  403   403  ok     403    403",
            "CaseService.create                      mismatch  IAE  -    -     -    -      -      -",
            "CaseService.get                         own       ok   ok   -     -    ok     ok     -",
            "CaseService.get                         foreign   404  404  404   404  404    404    404",
            "CaseService.get                         mismatch  -    IAE  -     -    -      -      -",
            "CaseService.list                        none      ok   ok   ok    ok   ok     ok     ok",
            "CaseService.list                        mismatch  IAE  -    -     -    -      -      -",
            "CaseService.transition[own-side]        own       ok   ok   -     -    ok     ok     -",
            "CaseService.transition[other-side]      own       403  403  -     -    403    403    -",
            "CaseService.transition                  foreign   404  404  404   404  404    404    404",
            "CaseService.transition                  mismatch  -    IAE  -     -    -      -      -",
            "CaseService.respond                     own       403  ok   -     -    403    ok     -",
            "CaseService.respond                     foreign   404  404  404   404  404    404    404",
            "CaseService.respond                     mismatch  -    IAE  -     -    -      -      -",
            "CaseService.postMessage                 own       ok   ok   -     -    ok     ok     -",
            "CaseService.postMessage                 foreign   404  404  404   404  404    404    404",
            "CaseService.postMessage                 mismatch  IAE  -    -     -    -      -      -",
            "CaseService.messages                    own       ok   ok   -     -    ok     ok     -",
            "CaseService.messages                    foreign   404  404  404   404  404    404    404",
            "CaseService.messages                    mismatch  -    IAE  -     -    -      -      -",
            "CaseService.attach                      own       ok   ok   -     -    ok     ok     -",
            "CaseService.attach                      foreign   404  404  404   404  404    404    404",
            "CaseService.attach                      mismatch  IAE  -    -     -    -      -      -",
            "CaseService.attachments                 own       ok   ok   -     -    ok     ok     -",
            "CaseService.attachments                 foreign   404  404  404   404  404    404    404",
            "CaseService.attachment                  own       ok   ok   -     -    ok     ok     -",
            "CaseService.attachment                  foreign   404  404  404   404  404    404    404",
            "CaseService.attachment                  mismatch  -    IAE  -     -    -      -      -",
            "CaseService.statements                  none      403  ok   403   403  403    ok     403",
            "CaseService.statements                  mismatch  -    IAE  -     -    -      -      -",
            "CaseService.inbox                       none      ok   ok   ok    ok   ok     ok     403",
            "CaseService.dashboard                   none      ok   ok   403   403  ok     ok     403",
            "CaseService.dashboard                   mismatch  IAE  -    -     -    -      -      -",

            "PeopleService.signIn                    public",
            "PeopleService.newTotpSecret             public",
            "PeopleService.resume                    public",
            "OidcService.enabled                     public",
            "OidcService.start                       public",
            "OidcService.finish                      public",
            "PeopleService.signOut                   none      403  403  403   403  403    403    403",
            "PeopleService.signOut                   mismatch  IAE  -    -     -    -      -      -",
            "PeopleService.create                    own       ok   ok   ok    ok   ok     ok     -",
            "PeopleService.create                    foreign   403  403  403   ok   403    403    ok",
            "PeopleService.create                    mismatch  -    IAE  -     -    -      -      -",
            "PeopleService.list                      own       ok   ok   ok    ok   ok     ok     -",
            "PeopleService.list                      foreign   403  403  403   ok   403    403    ok",
            "PeopleService.list                      mismatch  IAE  -    -     -    -      -      -",
            "PeopleService.changePassword            none      403  403  403   403  403    403    403",
            "PeopleService.changePassword            mismatch  -    IAE  -     -    -      -      -",
            "PeopleService.setPreferences            none      403  403  403   403  403    403    403",
            "PeopleService.setPreferences            mismatch  -    -    -     IAE  -      -      -",
            "PeopleService.setStatus                 own       ok   ok   ok    ok   ok     ok     -",
            "PeopleService.setStatus                 foreign   404  404  404   ok   404    404    ok",
            "PeopleService.setStatus                 mismatch  -    -    IAE   -    -      -      -",

            "AttestationService.attest               none      403  403  403   403  403    403    403",

            "IndicatorService.create                 none      ok   ok   403   403  ok     ok     403",
            "IndicatorService.create                 mismatch  IAE  -    -     -    -      -      -",
            "IndicatorService.get                    own       ok   ok   -     -    ok     ok     -",
            "IndicatorService.get                    foreign   404  404  404   404  404    404    403",
            "IndicatorService.get                    mismatch  -    IAE  -     -    -      -      -",
            "IndicatorService.versions               own       ok   ok   -     -    ok     ok     -",
            "IndicatorService.versions               foreign   404  404  404   404  404    404    403",
            "IndicatorService.versions               mismatch  IAE  -    -     -    -      -      -",
            "IndicatorService.newVersion             own       ok   ok   -     -    ok     ok     -",
            "IndicatorService.newVersion[not-author] foreign   403  403  404   404  403    403    403",
            "IndicatorService.newVersion             foreign   404  404  404   404  404    404    403",
            "IndicatorService.newVersion             mismatch  IAE  -    -     -    -      -      -",
            "IndicatorService.list                   none      ok   ok   ok    ok   ok     ok     403",
            "IndicatorService.list                   mismatch  -    IAE  -     -    -      -      -",
            "IndicatorService.reportSighting         own       ok   ok   -     -    ok     ok     -",
            "IndicatorService.reportSighting[clear]  foreign   ok   ok   403   403  ok     ok     403",
            "IndicatorService.reportSighting         foreign   404  404  404   404  404    404    403",
            "IndicatorService.reportSighting         mismatch  -    IAE  -     -    -      -      -",
            "IndicatorService.sightings              own       ok   ok   -     -    ok     ok     -",
            "IndicatorService.sightings              foreign   404  404  404   404  404    404    403",
            "IndicatorService.sightings              mismatch  -    IAE  -     -    -      -      -",

            "SharingGroupService.create              none      ok   ok   403   403  ok     ok     403",
            "SharingGroupService.create              mismatch  IAE  -    -     -    -      -      -",
            "SharingGroupService.list                none      ok   ok   ok    ok   ok     ok     403",
            "SharingGroupService.list                mismatch  -    IAE  -     -    -      -      -",
            "SharingGroupService.get                 own       ok   ok   -     -    ok     ok     -",
            "SharingGroupService.get                 foreign   404  404  404   404  404    404    403",
            "SharingGroupService.get                 mismatch  IAE  -    -     -    -      -      -",
            "SharingGroupService.addMember           own       ok   ok   -     -    ok     ok     -",
            "SharingGroupService.addMember[member]   foreign   403  403  -     -    403    403    -",
            "SharingGroupService.addMember           foreign   404  404  404   404  404    404    403",
            "SharingGroupService.addMember           mismatch  IAE  -    -     -    -      -      -",
            "SharingGroupService.removeMember        own       ok   ok   -     -    ok     ok     -",
            "SharingGroupService.removeMember[member] foreign  403  403  -     -    403    403    -",
            "SharingGroupService.removeMember        foreign   404  404  404   404  404    404    403",
            "SharingGroupService.removeMember        mismatch  IAE  -    -     -    -      -      -",

            "DisarmService.techniques                none      ok   ok   ok    ok   ok     ok     403",
            "DisarmService.find                      public",

            "StixService.exportBundle                none      ok   ok   ok    ok   ok     ok     403",
            "StixService.exportBundle                mismatch  -    IAE  -     -    -      -      -",
            "StixService.importBundle                none      ok   ok   403   403  ok     ok     403",
            "StixService.importBundle                mismatch  IAE  -    -     -    -      -      -",

            "TaxiiService.authenticate               public",
            "TaxiiService.issue                      none      ok   ok   ok    ok   ok     ok     403",
            "TaxiiService.issue                      mismatch  IAE  -    -     -    -      -      -",
            "TaxiiService.credentials                none      ok   ok   ok    ok   ok     ok     403",
            "TaxiiService.credentials                mismatch  -    IAE  -     -    -      -      -",
            "TaxiiService.revoke                     own       ok   ok   ok    ok   ok     ok     -",
            "TaxiiService.revoke                     foreign   404  404  404   404  404    404    403",
            "TaxiiService.revoke                     mismatch  IAE  -    -     -    -      -      -",
            "TaxiiService.read                       none      ok   ok   ok    ok   ok     ok     403",
            "TaxiiService.read                       mismatch  -    IAE  -     -    -      -      -",
            "TaxiiService.add                        none      ok   ok   403   403  ok     ok     403",
            "TaxiiService.add                        mismatch  IAE  -    -     -    -      -      -",
            "TaxiiService.delete                     own       ok   ok   -     -    ok     ok     -",
            "TaxiiService.delete                     foreign   403  403  404   404  403    403    403",
            "TaxiiService.delete                     mismatch  -    IAE  -     -    -      -      -",

            "AuditService.entries                    none      ok   ok   ok    ok   ok     ok     ok",
            "AuditService.entries                    mismatch  -    IAE  -     -    -      -      -",
            "AuditService.inclusion                  own       ok   ok   ok    ok   ok     ok     -",
            "AuditService.inclusion                  foreign   404  404  ok    404  404    404    404",
            "AuditService.bundle                     none      403  403  ok    403  403    403    403",
            "AuditService.bundle                     mismatch  -    -    IAE   -    -      -      -",
            "AuditService.export                     none      403  403  ok    403  403    403    403",
            "AuditService.export                     mismatch  -    -    IAE   -    -      -      -",
            "AuditService.fsck                       none      403  403  ok    ok   403    403    ok",
            "AuditService.latestCheckpoint           public",
            "AuditService.checkpoints                public",
            "AuditService.consistency                public",

            "HubStatusService.database               public",
            "HubStatusService.mode                   public",
            "DiscoveryService.publicJwks             public",
            "DiscoveryService.configuration          public",
    };

    private ServiceAuthorizationTable() {
    }

    /** @return the rows of {@link #TABLE} */
    static List<Row> rows() {
        return rows(TABLE);
    }

    /**
     * @param table lines in the format of {@link #TABLE}
     * @return one row per cell that is not {@code -}
     * @throws IllegalArgumentException for a line that does not fit the format
     */
    static List<Row> rows(String... table) {
        List<Row> rows = new ArrayList<>();
        for (String line : table) {
            String[] cells = line.trim().split("\\s+");
            String[] name = cells[0].split("\\.", 2);
            if (name.length != 2) {
                throw new IllegalArgumentException("not Service.method: " + line);
            }
            String method = name[1];
            String variant = "";
            int bracket = method.indexOf('[');
            if (bracket > 0) {
                variant = method.substring(bracket + 1, method.length() - 1);
                method = method.substring(0, bracket);
            }
            if (cells.length == 2 && cells[1].equals("public")) {
                rows.add(new Row(name[0], method, variant, Who.NOBODY, Data.NONE, Outcome.ALLOWED));
                continue;
            }
            if (cells.length != 2 + COLUMNS.size()) {
                throw new IllegalArgumentException("needs the data and " + COLUMNS.size() + " cells: " + line);
            }
            Data data = Data.valueOf(cells[1].toUpperCase(java.util.Locale.ROOT));
            for (int i = 0; i < COLUMNS.size(); i++) {
                String cell = cells[2 + i];
                Outcome outcome = switch (cell) {
                    case "-" -> null;
                    case "ok" -> Outcome.ALLOWED;
                    case "403" -> Outcome.FORBIDDEN;
                    case "404" -> Outcome.NOT_FOUND;
                    case "IAE" -> Outcome.MISMATCH;
                    default -> throw new IllegalArgumentException("unknown cell " + cell + ": " + line);
                };
                if (outcome != null) {
                    if ((data == Data.MISMATCH) != (outcome == Outcome.MISMATCH)) {
                        throw new IllegalArgumentException("IAE exactly in mismatch lines: " + line);
                    }
                    rows.add(new Row(name[0], method, variant, COLUMNS.get(i), data, outcome));
                }
            }
        }
        return rows;
    }

    /** @return the methods a completeness check looks at: public, not static, not synthetic */
    static List<Method> methods(Class<?> service) {
        return Arrays.stream(service.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                .filter(m -> m.getDeclaringClass() != Object.class)
                .toList();
    }

    /**
     * The completeness check: what the table lacks for these interfaces.
     *
     * @param services the {@code @Local} service interfaces (others are ignored)
     * @param rows     the table's rows
     * @return one line per gap, sorted: a method without a row; a method taking a {@link Caller}
     *         that some caller of {@link #COLUMNS} never calls; a method without a caller that has no
     *         {@code public} row; a method taking an {@link AuditContext} without a mismatch row; a row
     *         naming a method of none of these interfaces. Empty when complete.
     */
    static Set<String> missing(Collection<Class<?>> services, List<Row> rows) {
        Set<String> gaps = new TreeSet<>();
        Set<String> known = new TreeSet<>();
        for (Class<?> service : services) {
            if (!service.isInterface() || !service.isAnnotationPresent(Local.class)
                    || EXEMPT.contains(service.getSimpleName())) {
                continue;
            }
            for (Method m : methods(service)) {
                String key = service.getSimpleName() + "." + m.getName();
                known.add(key);
                List<Row> mine = rows.stream().filter(r -> (r.service() + "." + r.method()).equals(key)).toList();
                if (mine.isEmpty()) {
                    gaps.add(key + ": no row");
                    continue;
                }
                List<Class<?>> parameters = List.of(m.getParameterTypes());
                if (parameters.contains(Caller.class)) {
                    Set<Who> callers = EnumSet.noneOf(Who.class);
                    mine.stream().filter(r -> r.data() != Data.MISMATCH).forEach(r -> callers.add(r.who()));
                    for (Who who : COLUMNS) {
                        if (!callers.contains(who)) {
                            gaps.add(key + ": never called as " + who);
                        }
                    }
                } else if (mine.stream().noneMatch(r -> r.who() == Who.NOBODY)) {
                    gaps.add(key + ": takes no caller but has no public row");
                }
                if (parameters.contains(AuditContext.class) && mine.stream().noneMatch(r -> r.data() == Data.MISMATCH)) {
                    gaps.add(key + ": no mismatch row for its audit context");
                }
            }
        }
        for (Row row : rows) {
            String key = row.service() + "." + row.method();
            if (!known.contains(key)) {
                gaps.add(key + ": a row for a method that does not exist");
            }
        }
        return gaps;
    }
}
