package org.electionpool.hub.api.stix;

import java.util.List;

/**
 * What a STIX import did.
 *
 * @param bundle     the bundle's id
 * @param objects    how many objects it held
 * @param imported   each indicator and sighting, in bundle order
 * @param referenced how many objects were read only as references (markings, identities,
 *                   attack-patterns, observables, relationships, notes, narratives)
 */
public record StixImportReport(String bundle, int objects, List<Imported> imported, int referenced) {

    /**
     * One indicator or sighting of the bundle.
     *
     * @param stixId  its id in the bundle
     * @param hubId   the hub's indicator or sighting
     * @param outcome what happened
     */
    public record Imported(String stixId, String hubId, Outcome outcome) {
    }

    /** What became of an object. */
    public enum Outcome {
        /** A new indicator or sighting. */
        CREATED,
        /** A new version of an indicator imported before. */
        UPDATED,
        /** Imported before with this {@code modified} (or a newer one): nothing changed. */
        UNCHANGED
    }
}
