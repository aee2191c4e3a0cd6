package org.electionpool.hub.api.indicators;

import java.util.List;

/**
 * One technique of the DISARM framework (v1.6, DISARM Foundation, CC BY-SA 4.0).
 *
 * @param id      the technique id, e.g. {@code T0049} or {@code T0049.001}
 * @param name    its name
 * @param tactics the tactics it serves, e.g. {@code TA17 Maximise Exposure}
 * @param stixId  the id of its {@code attack-pattern} in the DISARM STIX bundle
 * @param url     its page in the DISARM framework
 */
public record DisarmTechnique(String id, String name, List<String> tactics, String stixId, String url) {
}
