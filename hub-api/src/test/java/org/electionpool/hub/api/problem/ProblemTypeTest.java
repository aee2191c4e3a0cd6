package org.electionpool.hub.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemTypeTest {

    @Test
    void slugsAndUrisAreUnique() {
        Set<String> slugs = new HashSet<>();
        Set<String> uris = new HashSet<>();
        for (ProblemType t : ProblemType.values()) {
            assertTrue(slugs.add(t.slug()), "duplicate slug " + t.slug());
            assertTrue(uris.add(t.uri().toString()), "duplicate uri " + t.uri());
        }
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyTypeIsAStableUrnWithAnErrorStatus(ProblemType type) {
        assertEquals("urn:electionpool:problem:" + type.slug(), type.uri().toString());
        assertTrue(type.slug().matches("[a-z]+(-[a-z]+)*"), type.slug());
        assertTrue(type.status() >= 400 && type.status() <= 599, "status " + type.status());
        assertTrue(!type.title().isBlank());
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void typeIsFoundAgainFromItsUri(ProblemType type) {
        assertEquals(Optional.of(type), ProblemType.fromUri(type.uri().toString()));
    }

    @Test
    void unknownOrMissingUriFindsNothing() {
        assertEquals(Optional.empty(), ProblemType.fromUri(null));
        assertEquals(Optional.empty(), ProblemType.fromUri("about:blank"));
        assertEquals(Optional.empty(), ProblemType.fromUri("urn:electionpool:problem:NOT-FOUND"));
    }

    @Test
    void everyTypeIsDocumentedInProblemsMd() throws IOException {
        Path doc = Path.of("..", "docs", "problems.md");
        assertTrue(Files.isRegularFile(doc), "docs/problems.md exists");
        String text = Files.readString(doc);
        String missing = Arrays.stream(ProblemType.values())
                .filter(t -> !text.contains("`" + t.uri() + "`") || !text.contains("| " + t.status() + " |"))
                .map(ProblemType::slug).reduce("", (a, b) -> a + " " + b);
        assertEquals("", missing, "types missing from docs/problems.md (uri in backticks and status cell)");
    }

    @Test
    void hubExceptionCarriesTypeDetailAndViolationsButNoStackTrace() {
        HubException e = HubException.invalidField("country", "must be an ISO code");
        assertEquals(ProblemType.VALIDATION_FAILED, e.type());
        assertEquals(1, e.violations().size());
        assertEquals("country", e.violations().get(0).field());
        assertEquals(0, e.getStackTrace().length, "control-flow exception: no stack trace captured");
        assertEquals(ProblemType.NOT_FOUND, HubException.notFound("Organisation").type());
        assertEquals("Organisation not found", HubException.notFound("Organisation").getMessage());
    }

    @Test
    void problemTakesStatusAndTitleFromItsType() {
        Problem p = new Problem(ProblemType.PAYLOAD_TOO_LARGE, "too big", "/api/v1/x", "id-1", null);
        assertEquals(413, p.status());
        assertEquals("Payload too large", p.title());
        assertTrue(p.errors().isEmpty());
    }
}
