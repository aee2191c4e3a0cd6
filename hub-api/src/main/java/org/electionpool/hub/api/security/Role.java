package org.electionpool.hub.api.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.electionpool.hub.api.organizations.OrganizationKind;

/**
 * What a person may do for their organisation in the web UI (docs/ui.md, People). A role narrows;
 * it never widens: every service checks the organisation's own rights first (its kind, its cases,
 * the markings it may read), and the role only decides which of those actions this person may take.
 *
 * <p>Machine callers (an organisation's signed HXP/1 requests, its TAXII credentials, the hub
 * itself) act with all the organisation's rights: they carry {@link #ALL}. Which roles a person of
 * an organisation may hold depends on its kind ({@link #allowedFor}).
 */
public enum Role {
    /** Manages the organisation's people and keys. */
    ORG_ADMIN,
    /** Creates cases and acts on them: transitions, item responses, messages, attachments. */
    CASE_OFFICER,
    /** Shares indicators, reports sightings, manages sharing groups, imports STIX. */
    ANALYST,
    /** Reads what the organisation may read, and acts on nothing. */
    VIEWER,
    /** Reads the audit log, its proofs and bundles (only in an auditor organisation). */
    AUDITOR,
    /** Registers and suspends organisations and their first admins (only in the operator organisation). */
    OPERATOR;

    /** Every role: what a machine caller holds. */
    public static final Set<Role> ALL = Collections.unmodifiableSet(EnumSet.allOf(Role.class));

    /**
     * @param kind the kind of the person's organisation
     * @return the roles a person of such an organisation may hold
     */
    public static Set<Role> allowedFor(OrganizationKind kind) {
        return switch (kind) {
            case AUTHORITY, PLATFORM -> EnumSet.of(ORG_ADMIN, CASE_OFFICER, ANALYST, VIEWER);
            case AUDITOR -> EnumSet.of(ORG_ADMIN, AUDITOR, VIEWER);
            case OPERATOR -> EnumSet.of(ORG_ADMIN, OPERATOR, VIEWER);
        };
    }
}
