package org.electionpool.hub.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test of the test: each rule of {@link HubArchitecture}, applied to the fixture code base
 * {@code org.electionpool.archfixture} (which breaks every rule once on purpose), fails and names
 * the offending class.
 */
class ArchitectureRulesCatchViolationsTest {

    private static final String ROOT = "org.electionpool.archfixture";
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(ROOT);
    }

    private static void assertCaught(ArchRule rule, String offender) {
        AssertionError e = assertThrows(AssertionError.class, () -> rule.check(fixture));
        assertTrue(e.getMessage().contains(offender), () -> "names " + offender + ": " + e.getMessage());
    }

    @Test
    void apiDependingOnJpaIsCaught() {
        assertCaught(HubArchitecture.apiIsAContractOnly(ROOT), "archfixture.api.LeakyView");
    }

    @Test
    void webReachingIntoTheEjbModuleIsCaught() {
        assertCaught(HubArchitecture.webUsesApiOnly(ROOT), "archfixture.web.ShortcutResource");
    }

    @Test
    void ejbDependingOnTheWebLayerIsCaught() {
        assertCaught(HubArchitecture.ejbNeverReachesUp(ROOT), "archfixture.cases.internal.CaseServiceBean");
    }

    @Test
    void containerTypeInTheDomainIsCaught() {
        assertCaught(HubArchitecture.domainIsFreeOfContainerTypes(ROOT), "archfixture.cases.domain.TakedownCase");
    }

    @Test
    void cryptoLibraryOutsideTheCryptoPackageIsCaught() {
        assertCaught(HubArchitecture.onlyCryptoUsesCryptoLibraries(ROOT), "archfixture.cases.internal.HashingHelper");
    }

    @Test
    void nimbusInTheApiIsCaught() {
        assertCaught(HubArchitecture.apiIsAContractOnly(ROOT), "archfixture.api.JoseView");
    }

    @Test
    void protocolReachingIntoTheHubIsCaught() {
        assertCaught(HubArchitecture.protocolStandsAlone(ROOT), "archfixture.protocol.LeakyCodec");
    }

    @Test
    void clientHandingOutServiceInterfacesIsCaught() {
        assertCaught(HubArchitecture.clientUsesProtocolOnly(ROOT), "archfixture.client.FatClient");
    }

    @Test
    void anotherDomainsInternalPackageIsCaught() {
        assertCaught(HubArchitecture.internalStaysInItsDomain(ROOT), "archfixture.cases.internal.NotifyingHelper");
    }

    @Test
    void cryptoDependingOnAnotherDomainIsCaught() {
        assertCaught(HubArchitecture.cryptoDependsOnNoOtherDomain(ROOT), "archfixture.crypto.KeyLookup");
    }
}
