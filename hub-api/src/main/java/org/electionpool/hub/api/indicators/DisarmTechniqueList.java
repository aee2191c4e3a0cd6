package org.electionpool.hub.api.indicators;

import java.util.List;

/**
 * The DISARM catalogue the hub checks technique ids against.
 *
 * @param version     the framework's version
 * @param attribution the licence and attribution the catalogue is shipped under
 * @param techniques  every technique, by id
 */
public record DisarmTechniqueList(String version, String attribution, List<DisarmTechnique> techniques) {
}
