package org.electionpool.hub.people.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aLongPassphraseWithoutAnyCompositionIsAccepted() {
        assertEquals(List.of(), PasswordPolicy.problems("purple elephants dance quietly", "liaison", "ministry-of-justice-fi"));
        assertEquals(List.of(), PasswordPolicy.problems("ääniä äänestyspaikalla", "liaison", "ministry-of-justice-fi"),
                "any Unicode, spaces included");
    }

    @Test
    void lengthIsCountedInCharactersAfterNfc() {
        assertEquals(List.of("password.too-short"), PasswordPolicy.problems("fourteen chars", "u-x", "org-x"));
        assertEquals(List.of(), PasswordPolicy.problems("fifteen chars!!", "u-x", "org-x"));
        String decomposed = "a\u0308".repeat(14) + "x"; // 15 characters once composed, 29 chars before
        assertEquals(List.of(), PasswordPolicy.problems(decomposed, "u-x", "org-x"));
        assertEquals(List.of("password.too-short"), PasswordPolicy.problems("🗳".repeat(14), "u-x", "org-x"),
                "a character outside the BMP counts once");
        assertEquals(List.of("password.too-long"), PasswordPolicy.problems("x".repeat(129) + "y", "u-x", "org-x"));
        assertEquals(List.of(), PasswordPolicy.problems("correct horse " + "x".repeat(114), "u-x", "org-x"), "128 is fine");
    }

    @Test
    void theCommonPasswordsAreRefusedWhateverTheirCase() {
        assertEquals(30_000, PasswordPolicy.listSize(), "zxcvbn's 30,000, each once");
        assertTrue(PasswordPolicy.isCommon("PASSWORD"));
        assertTrue(PasswordPolicy.isCommon("Dragon"));
        assertTrue(PasswordPolicy.problems("password", "u-x", "org-x").containsAll(List.of("password.too-short",
                "password.common")));
    }

    @Test
    void theUserNameOrOrganisationInsideThePasswordIsRefused() {
        assertEquals(List.of("password.context"), PasswordPolicy.problems("I am the liaison of this hub", "liaison", "org-x"));
        assertEquals(List.of("password.context"), PasswordPolicy.problems("MINISTRY-OF-JUSTICE-FI rocks", "u-x",
                "ministry-of-justice-fi"));
    }
}
