package org.electionpool.hub.api.indicators;

import jakarta.ejb.Local;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.security.Caller;

/**
 * Indicator sharing under TLP 2.0 (docs/indicators.md). Every method is one transaction; every
 * change and every read of indicator content is an audit entry (target type {@code indicator})
 * written in it, with the caller's signed message as evidence.
 *
 * <p>Visibility, decided here for every path (HXP/1, STIX, TAXII, inbox, webhooks) by one rule:
 * an indicator exists, for a caller, only if the caller may read its current marking and
 * distribution ({@link Tlp}) — and, for an indicator derived from another, may read that one too
 * — and answers {@code NOT_FOUND} otherwise, exactly as for an id never issued. Sightings are
 * read under their own marking. Only authorities and platforms share and report; auditors and
 * the operator read {@code CLEAR} only; the hub itself ({@link Caller#system}) reads nothing.
 */
@Local
public interface IndicatorService {

    /**
     * The outcome of a creation.
     *
     * @param view    the indicator
     * @param created {@code false} when the same {@code clientRef} and body created it before
     */
    record Created(IndicatorView view, boolean created) {
    }

    /**
     * The outcome of a sighting report.
     *
     * @param view    the sighting
     * @param created {@code false} when the same {@code clientRef} and body reported it before
     */
    record Reported(SightingView view, boolean created) {
    }

    /**
     * Shares a new indicator ({@code indicator.created}, to the inbox of every named reader).
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} unless an authority
     *         or a platform; {@code VALIDATION_FAILED} naming each bad field (a type's missing
     *         member, a hash of the wrong length, unknown DISARM ids, a recipient that is not an
     *         active authority or platform, a case that is not the caller's); {@code
     *         DISTRIBUTION_REFUSED} for recipients the marking does not allow or a marking or
     *         audience looser than {@code derivedFrom}'s; {@code ALREADY_EXISTS} for a reused
     *         {@code clientRef}
     */
    Created create(Caller caller, AuditContext context, CreateIndicatorRequest request);

    /** @return the current version ({@code indicator.read}) @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND} */
    IndicatorView get(Caller caller, AuditContext context, IndicatorId id);

    /** @return every version, oldest first ({@code indicator.versions.read}) */
    IndicatorVersionList versions(Caller caller, AuditContext context, IndicatorId id);

    /**
     * Makes a new version: an update or a revocation ({@code indicator.updated} or {@code
     * indicator.revoked}; {@code indicator.distribution.changed} when the marking or distribution
     * changes).
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND}; {@code FORBIDDEN}
     *         unless the author; {@code CONFLICT} when {@code basedOn} is not the current version;
     *         {@code INDICATOR_REVOKED} after a revocation; and what {@link #create} refuses
     */
    IndicatorView newVersion(Caller caller, AuditContext context, IndicatorId id, NewVersionRequest request);

    /**
     * @return one page of what the caller may read, most recently modified first ({@code indicator.list.read})
     * @throws org.electionpool.hub.api.problem.HubException {@code INVALID_PARAMETER} for a bad cursor or limit
     */
    IndicatorPage list(Caller caller, AuditContext context, IndicatorFilter filter);

    /**
     * Reports a sighting ({@code sighting.reported}, to the indicator's author and every reader
     * of the sighting).
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND}; {@code FORBIDDEN}
     *         unless an authority or a platform; {@code VALIDATION_FAILED}; {@code
     *         DISTRIBUTION_REFUSED} for a marking looser than the indicator's or an audience wider
     */
    Reported reportSighting(Caller caller, AuditContext context, IndicatorId id, SightingRequest request);

    /**
     * @param after the cursor of the previous page, or {@code null}
     * @param limit page size, 1–100
     * @return the sightings of the indicator the caller may read, oldest first, with the totals of
     *         all ({@code sighting.list.read})
     */
    SightingPage sightings(Caller caller, AuditContext context, IndicatorId id, String after, int limit);
}
