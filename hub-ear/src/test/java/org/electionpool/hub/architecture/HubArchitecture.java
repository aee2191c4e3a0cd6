package org.electionpool.hub.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering rules of docs/architecture.md, for a code base rooted at {@code root}
 * (the hub's is {@code org.electionpool.hub}):
 * <ul>
 *   <li>{@code root.api..} — contracts only: no JPA, no REST, no servlet, nothing of the other modules;</li>
 *   <li>{@code root.web..} and {@code root.probes..} — reach the hub through {@code api} only (web → api);</li>
 *   <li>every other package is the EJB module (api ← ejb): it never depends on web types or REST/servlet APIs;</li>
 *   <li>{@code ..domain..} packages — plain Java, JPA and Bean Validation, api contracts: no container types;</li>
 *   <li>only {@code ..crypto..} packages import Nimbus JOSE+JWT or Bouncy Castle;</li>
 *   <li>{@code root.web..} never acts as the hub itself: no {@code Caller.system}, no {@code AuditContext.system}
 *       (the SYSTEM rule of {@code api.security.Caller}).</li>
 * </ul>
 * Parameterised by root so that a test can prove each rule fails on a fixture that breaks it.
 */
final class HubArchitecture {

    static final String[] CRYPTO_LIBRARIES = {"com.nimbusds..", "org.bouncycastle.."};

    private HubArchitecture() {
    }

    static List<ArchRule> rules(String root) {
        return List.of(apiIsAContractOnly(root), webUsesApiOnly(root), probesUseApiOnly(root),
                ejbNeverReachesUp(root), domainIsFreeOfContainerTypes(root), onlyCryptoUsesCryptoLibraries(root),
                webNeverActsAsTheHub(root));
    }

    private static DescribedPredicate<JavaClass> ejbModule(String root) {
        return resideInAPackage(root + "..")
                .and(not(resideInAnyPackage(root + ".api..", root + ".web..", root + ".probes..")))
                .as("classes of the EJB module");
    }

    static ArchRule apiIsAContractOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".api..")
                .should().dependOnClassesThat(resideInAnyPackage("jakarta.persistence..", "jakarta.ws.rs..",
                        "jakarta.servlet..", "jakarta.faces..", root + ".web..", root + ".probes..")
                        .or(ejbModule(root)))
                .as("api holds contracts only: no JPA, REST or servlet types, nothing of web or ejb");
    }

    static ArchRule webUsesApiOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".web..")
                .should().dependOnClassesThat(ejbModule(root).or(resideInAnyPackage("jakarta.persistence..",
                        root + ".probes..")))
                .as("web reaches the hub through api only (web -> api)");
    }

    static ArchRule probesUseApiOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".probes..")
                .should().dependOnClassesThat(ejbModule(root).or(resideInAnyPackage(root + ".web..")))
                .as("probes reach the hub through api only");
    }

    static ArchRule ejbNeverReachesUp(String root) {
        return noClasses().that(ejbModule(root))
                .should().dependOnClassesThat(resideInAnyPackage(root + ".web..", root + ".probes..",
                        "jakarta.ws.rs..", "jakarta.servlet..", "jakarta.faces.."))
                .as("the EJB module never depends on the web layer (api <- ejb)");
    }

    static ArchRule domainIsFreeOfContainerTypes(String root) {
        return classes().that().resideInAPackage(root + "..domain..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "jakarta.persistence..",
                        "jakarta.validation..", root + ".api..", root + "..domain.."))
                .as("domain packages use only java.*, JPA, Bean Validation and api contracts");
    }

    static ArchRule onlyCryptoUsesCryptoLibraries(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + "..crypto..")
                .should().dependOnClassesThat().resideInAnyPackage(CRYPTO_LIBRARIES)
                .as("only crypto packages import Nimbus JOSE+JWT or Bouncy Castle");
    }

    static ArchRule webNeverActsAsTheHub(String root) {
        return noClasses().that().resideInAPackage(root + ".web..")
                .should().callMethod(root + ".api.security.Caller", "system", String.class.getName())
                .orShould().callMethod(root + ".api.audit.AuditContext", "system", String.class.getName())
                .as("the web tier acts only on behalf of requests, never as the hub itself (Caller.system)");
    }
}
