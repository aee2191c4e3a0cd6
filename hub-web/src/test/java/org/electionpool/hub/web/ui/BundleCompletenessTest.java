package org.electionpool.hub.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Role;
import org.junit.jupiter.api.Test;

/**
 * The web UI speaks Finnish, Swedish and English completely: the three bundles hold the same keys,
 * none empty; every key a page or a bean names exists; every problem type and role has its text;
 * Faces' own messages exist in all three (Mojarra ships none for fi or sv). Pages that would
 * show a raw {@code ???key???} are caught here, before a browser sees them.
 */
class BundleCompletenessTest {

    private static final List<String> LANGUAGES = List.of("", "_fi", "_sv");

    private static Properties bundle(String base, String suffix) throws IOException {
        String name = "/org/electionpool/hub/web/ui/" + base + suffix + ".properties";
        Properties p = new Properties();
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " exists");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void theThreeLanguagesHoldTheSameKeysAndNoneIsEmpty() throws IOException {
        for (String base : List.of("Messages", "FacesMessages")) {
            Set<String> english = keys(bundle(base, ""));
            assertFalse(english.isEmpty(), base);
            for (String suffix : LANGUAGES) {
                Properties p = bundle(base, suffix);
                Set<String> missing = new TreeSet<>(english);
                missing.removeAll(p.stringPropertyNames());
                Set<String> extra = new TreeSet<>(p.stringPropertyNames());
                extra.removeAll(english);
                assertEquals(Set.of(), missing, base + suffix + " lacks keys");
                assertEquals(Set.of(), extra, base + suffix + " has keys English lacks");
                for (String k : p.stringPropertyNames()) {
                    assertFalse(p.getProperty(k).isBlank(), base + suffix + ": " + k + " is empty");
                }
            }
        }
    }

    @Test
    void finnishAndSwedishAreTranslationsNotCopiesOfTheEnglish() throws IOException {
        Properties en = bundle("Messages", "");
        for (String suffix : List.of("_fi", "_sv")) {
            Properties p = bundle("Messages", suffix);
            long same = en.stringPropertyNames().stream()
                    .filter(k -> en.getProperty(k).equals(p.getProperty(k)) && en.getProperty(k).matches(".*[a-z]{4,}.*"))
                    .count();
            // Proper names and protocol words (HXP/1, TAXII, URLs) may stay; whole sentences may not.
            assertTrue(same < en.size() / 10, suffix + ": " + same + " texts identical to English");
        }
    }

    @Test
    void everyKeyAPageOrABeanNamesExists() throws IOException {
        Set<String> known = keys(bundle("Messages", ""));
        Set<String> named = new TreeSet<>();
        Pattern page = Pattern.compile("msg\\['([a-zA-Z0-9_.-]+)'\\]");
        Pattern bean = Pattern.compile("(?:ui\\.)?text\\(\"([a-z][a-zA-Z0-9_.-]*[a-zA-Z0-9])\"");
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path p : pages.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                Matcher m = page.matcher(Files.readString(p));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        try (Stream<Path> beans = Files.walk(Path.of("src/main/java/org/electionpool/hub/web/ui"))) {
            for (Path p : beans.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = bean.matcher(Files.readString(p));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertTrue(named.size() > 100, "the scan finds the keys: " + named.size());
        named.removeAll(known);
        assertEquals(Set.of(), named, "keys named by pages or beans but missing from the bundles");
    }

    @Test
    void everyProblemTypeAndEveryRoleHasItsText() throws IOException {
        for (String suffix : LANGUAGES) {
            Properties p = bundle("Messages", suffix);
            for (ProblemType t : ProblemType.values()) {
                assertTrue(p.containsKey("problem." + t.slug()), suffix + ": problem." + t.slug());
            }
            for (Role r : Role.values()) {
                assertTrue(p.containsKey("role." + r.name()), suffix + ": role." + r.name());
            }
        }
    }

    /** The pages build these keys from an enum's value ({@code msg['status.'.concat(c.status())]}). */
    private static final java.util.Map<String, Class<? extends Enum<?>>> FAMILIES = java.util.Map.ofEntries(
            java.util.Map.entry("status.", org.electionpool.hub.api.cases.CaseStatus.class),
            java.util.Map.entry("kind.", org.electionpool.hub.api.cases.CaseKind.class),
            java.util.Map.entry("action.", org.electionpool.hub.api.cases.CaseAction.class),
            java.util.Map.entry("item.", org.electionpool.hub.api.cases.ItemType.class),
            java.util.Map.entry("outcome.", org.electionpool.hub.api.cases.Outcome.class),
            java.util.Map.entry("tco.", org.electionpool.hub.api.cases.TcoReason.class),
            java.util.Map.entry("priority.", org.electionpool.hub.api.cases.Priority.class),
            java.util.Map.entry("indicator.type.", org.electionpool.hub.api.indicators.IndicatorType.class),
            java.util.Map.entry("indicator.value.hint.", org.electionpool.hub.api.indicators.IndicatorType.class),
            java.util.Map.entry("sighting.action.", org.electionpool.hub.api.indicators.SightingAction.class),
            java.util.Map.entry("keys.status.", org.electionpool.hub.api.keys.KeyStatus.class),
            java.util.Map.entry("keys.use.", org.electionpool.hub.api.keys.KeyUse.class),
            java.util.Map.entry("orgkind.", org.electionpool.hub.api.organizations.OrganizationKind.class),
            java.util.Map.entry("orgstatus.", org.electionpool.hub.api.organizations.OrganizationStatus.class),
            java.util.Map.entry("person.status.", org.electionpool.hub.api.people.PersonStatus.class),
            java.util.Map.entry("role.", Role.class));

    @Test
    void everyValueOfAnEnumAPageNamesByConcatenationHasItsText() throws IOException {
        Set<String> known = keys(bundle("Messages", ""));
        Set<String> missing = new TreeSet<>();
        FAMILIES.forEach((prefix, type) -> {
            for (Enum<?> value : type.getEnumConstants()) {
                if (!known.contains(prefix + value.name())) {
                    missing.add(prefix + value.name());
                }
            }
        });
        assertEquals(Set.of(), missing);
    }

    @Test
    void theApisConstraintMessagesHaveTheirTranslations() throws IOException {
        // every message = "..." of a constraint in hub-api: a page shows it beside its field, in the person's language
        Set<String> known = keys(bundle("Messages", ""));
        Set<String> missing = new TreeSet<>();
        Pattern message = Pattern.compile("message = \"([^\"]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("..", "hub-api", "src", "main", "java"))) {
            for (Path p : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = message.matcher(Files.readString(p));
                while (m.find()) {
                    if (!known.contains("violation." + Problems.slug(m.group(1)))) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void facesOwnMessagesCoverRequiredConversionAndLength() throws IOException {
        Set<String> faces = keys(bundle("FacesMessages", "_fi"));
        for (String k : List.of("jakarta.faces.component.UIInput.REQUIRED", "jakarta.faces.converter.IntegerConverter.INTEGER",
                "jakarta.faces.validator.LengthValidator.MAXIMUM")) {
            assertTrue(faces.contains(k), k);
        }
    }
}
