package org.electionpool.hub.indicators.stix;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.protocol.stix.StixIds;

/**
 * A member organisation as a STIX {@code identity}: its id is deterministic (UUIDv5 in the STIX
 * namespace over {@code organization:<id>}), so every export names the same organisation the same way.
 *
 * @param id      the organisation id
 * @param name    its name
 * @param kind    what it is
 * @param created when it was registered (the identity's {@code created} and {@code modified})
 */
public record StixParty(String id, String name, OrganizationKind kind, Instant created) {

    /** @return the STIX id of the organisation's identity */
    public String stixId() {
        return stixId(id);
    }

    /** @return the STIX id of an organisation's identity */
    public static String stixId(String organization) {
        return "identity--" + StixIds.uuid5(StixIds.NAMESPACE,
                ("organization:" + organization).getBytes(StandardCharsets.UTF_8));
    }
}
