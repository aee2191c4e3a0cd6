package org.electionpool.hub.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the hub's own classes (api, protocol, client, ejb, web, probes jars on this module's test class path) to the
 * layering rules.
 */
class ArchitectureRulesTest {

    private static JavaClasses hub;

    @BeforeAll
    static void importHub() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.electionpool.hub");
    }

    static Stream<ArchRule> rules() {
        return HubArchitecture.rules("org.electionpool.hub").stream();
    }

    @Test
    void importSeesEveryModule() {
        // Guards against a vacuous pass: every module's classes must be there to be checked.
        for (String name : new String[] {
                "org.electionpool.hub.api.problem.ProblemType",
                "org.electionpool.hub.organizations.internal.OrganizationServiceBean",
                "org.electionpool.hub.organizations.domain.Organization",
                "org.electionpool.hub.web.organizations.OrganizationResource",
                "org.electionpool.hub.probes.DatabaseReadinessCheck",
                "org.electionpool.hub.protocol.log.MerkleTree",
                "org.electionpool.hub.protocol.hxp.HxpCodec",
                "org.electionpool.hub.client.HubClient",
                "org.electionpool.hub.hxp.internal.EnvelopeServiceBean"}) {
            assertTrue(hub.contain(name), name + " imported");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hubHoldsTheRule(ArchRule rule) {
        rule.check(hub);
    }
}
