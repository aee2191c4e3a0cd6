package org.electionpool.hub.indicators.stix;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.electionpool.hub.api.indicators.Tlp;

/**
 * The official TLP 2.0 {@code marking-definition} objects by their published ids (OASIS CTI TC,
 * cti-stix-common-objects, extension-definition-specifications/tlp-2.0): what every exported
 * object's {@code object_marking_refs} names and every bundle and TAXII page carries. On import
 * the TLP 1.0 ids of STIX 2.1 §7.2.1.4 are read too ({@code TLP:WHITE} as {@code CLEAR}).
 */
public final class TlpMarkings {

    /** The TLP 2.0 extension definition the objects name. */
    public static final String EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Map<Tlp, String> IDS = new EnumMap<>(Map.of(
            Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"));

    private static final Map<String, Tlp> TLP_1 = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED);

    private static final Map<Tlp, JsonObject> OBJECTS = new EnumMap<>(Tlp.class);

    static {
        for (Tlp t : Tlp.values()) {
            OBJECTS.put(t, JSON.createObjectBuilder()
                    .add("type", "marking-definition")
                    .add("spec_version", "2.1")
                    .add("id", IDS.get(t))
                    .add("created", "2022-10-01T00:00:00.000Z")
                    .add("name", "TLP:" + t.label())
                    .add("extensions", JSON.createObjectBuilder().add(EXTENSION, JSON.createObjectBuilder()
                            .add("extension_type", "property-extension")
                            .add("tlp_2_0", t.label().toLowerCase(java.util.Locale.ROOT))))
                    .build());
        }
    }

    private TlpMarkings() {
    }

    /** @return the published id of the marking */
    public static String id(Tlp tlp) {
        return IDS.get(tlp);
    }

    /** @return the published marking-definition object */
    public static JsonObject object(Tlp tlp) {
        return OBJECTS.get(tlp);
    }

    /** @return the marking of a TLP 2.0 or TLP 1.0 marking-definition id; empty for any other id */
    public static Optional<Tlp> of(String markingId) {
        for (Map.Entry<Tlp, String> e : IDS.entrySet()) {
            if (e.getValue().equals(markingId)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.ofNullable(TLP_1.get(markingId));
    }
}
