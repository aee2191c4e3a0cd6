package org.electionpool.hub.indicators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.electionpool.hub.api.indicators.DisarmTechnique;
import org.electionpool.hub.api.indicators.DisarmTechniqueList;
import org.junit.jupiter.api.Test;

class DisarmCatalogueTest {

    @Test
    void theShippedCatalogueIsDisarm16WithEveryTechniqueAndItsAttribution() {
        DisarmTechniqueList list = DisarmServiceBean.catalogue();
        assertEquals("1.6", list.version());
        assertEquals(391, list.techniques().size(), "every attack-pattern of the v1.6 bundle");
        assertTrue(list.attribution().contains("CC BY-SA 4.0"));
        DisarmTechnique t = DisarmServiceBean.technique("T0097.111").orElseThrow();
        assertEquals("Government Official Persona", t.name());
        assertEquals(1, t.tactics().size());
        assertTrue(t.tactics().get(0).startsWith("TA16 "), t.tactics().toString());
        assertTrue(t.stixId().startsWith("attack-pattern--"));
        assertTrue(DisarmServiceBean.technique("T9999").isEmpty());
    }

    @Test
    void theLicenceShipsBesideTheData() throws Exception {
        assertTrue(Files.readString(Path.of("src/main/resources/disarm/LICENSE.md")).contains("Attribution-ShareAlike 4.0"));
    }
}
