package org.electionpool.hub.api.indicators;

import jakarta.ejb.Local;
import java.util.Optional;
import org.electionpool.hub.api.security.Caller;

/**
 * The DISARM framework's technique catalogue (v1.6), as shipped with the hub. It is public data:
 * every member organisation may read it; reads are not audited.
 */
@Local
public interface DisarmService {

    /**
     * @return the catalogue
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} for the hub itself
     */
    DisarmTechniqueList techniques(Caller caller);

    /** @return the technique of an id; empty for an id the framework does not have */
    Optional<DisarmTechnique> find(String id);
}
