package org.electionpool.hub.api.stix;

import jakarta.ejb.Local;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.indicators.Distribution;
import org.electionpool.hub.api.indicators.IndicatorFilter;
import org.electionpool.hub.api.security.Caller;

/**
 * STIX 2.1 bundles (docs/taxii.md, STIX). Visibility is the indicator service's one rule
 * (docs/indicators.md): an export holds exactly what the caller could read over HXP/1, except
 * that {@code TLP:RED} never leaves in bulk. Each method is one transaction with its audit entry.
 */
@Local
public interface StixService {

    /** Most objects a bundle to import may hold. */
    int MAX_IMPORT_OBJECTS = 1000;

    /** Most indicators one export holds. */
    int MAX_EXPORT_INDICATORS = 10_000;

    /**
     * @param filter the indicator filters of the HXP/1 list ({@code after} and {@code limit} ignored)
     * @return a bundle of the current versions the caller may read (not {@code RED}), their
     *         sightings the caller may read, and every object they refer to, as JSON text
     *         ({@code stix.bundle.exported}, with the filter and the object count)
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} for the hub itself;
     *         {@code INVALID_PARAMETER} when more than {@link #MAX_EXPORT_INDICATORS} match
     */
    String exportBundle(Caller caller, AuditContext context, IndicatorFilter filter);

    /**
     * Imports a bundle as the caller's own: each {@code indicator} becomes one of the caller's
     * indicators (idempotent by STIX id and {@code modified}; a newer {@code modified} of an id
     * already imported is a new version; a hub indicator of another author the caller may read is
     * the source of a derived one), each {@code sighting} one of the caller's sightings. All or
     * nothing.
     *
     * @param bundleJson   the bundle as received
     * @param distribution who else may read what is imported with an {@code AMBER} or tighter marking
     * @return what became of each indicator and sighting ({@code stix.bundle.imported}, and each
     *         indicator's and sighting's own entry)
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} unless an authority
     *         or a platform; {@code STIX_UNREPRESENTABLE} listing, by JSON pointer, every object
     *         the hub cannot represent; {@code PAYLOAD_TOO_LARGE} beyond {@link #MAX_IMPORT_OBJECTS}
     *         objects; and what creating an indicator or a sighting refuses
     */
    StixImportReport importBundle(Caller caller, AuditContext context, String bundleJson, Distribution distribution);
}
