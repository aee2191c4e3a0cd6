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
 *   <li>{@code root.api..} — contracts only: no JPA, no REST, no servlet, no Nimbus, nothing of the other modules
 *       (not even protocol or client);</li>
 *   <li>{@code root.protocol..} — plain Java and Nimbus: nothing of the hub but itself, no Jakarta EE;</li>
 *   <li>{@code root.client..} — the protocol and nothing else of the hub (a platform's only dependency);</li>
 *   <li>{@code root.web..} and {@code root.probes..} — reach the hub through {@code api} (and {@code protocol})
 *       only (web → api);</li>
 *   <li>every other package is the EJB module (api ← ejb): it never depends on web types or REST/servlet APIs;</li>
 *   <li>{@code ..domain..} packages — plain Java, JPA and Bean Validation, api contracts, the protocol: no container types;</li>
 *   <li>{@code root.X.internal..} is used only from {@code root.X..}: a domain reaches another through its
 *       public packages (ports, repositories, configuration), never its implementation;</li>
 *   <li>{@code root.crypto..} depends on no other domain of the EJB module;</li>
 *   <li>only {@code ..crypto..}, {@code root.protocol..} and {@code root.client..} import Nimbus JOSE+JWT or
 *       Bouncy Castle.</li>
 * </ul>
 * Parameterised by root so that a test can prove each rule fails on a fixture that breaks it.
 */
final class HubArchitecture {

    static final String[] CRYPTO_LIBRARIES = {"com.nimbusds..", "org.bouncycastle.."};

    private HubArchitecture() {
    }

    static List<ArchRule> rules(String root) {
        return List.of(apiIsAContractOnly(root), protocolStandsAlone(root), clientUsesProtocolOnly(root),
                webUsesApiOnly(root), probesUseApiOnly(root), ejbNeverReachesUp(root), domainIsFreeOfContainerTypes(root),
                internalStaysInItsDomain(root), cryptoDependsOnNoOtherDomain(root), onlyCryptoUsesCryptoLibraries(root));
    }

    private static DescribedPredicate<JavaClass> ejbModule(String root) {
        return resideInAPackage(root + "..")
                .and(not(resideInAnyPackage(root + ".api..", root + ".protocol..", root + ".client..", root + ".web..",
                        root + ".probes..")))
                .as("classes of the EJB module");
    }

    static ArchRule protocolStandsAlone(String root) {
        return noClasses().that().resideInAPackage(root + ".protocol..")
                .should().dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(root + ".protocol..")))
                        .or(resideInAnyPackage("jakarta..")))
                .as("protocol is plain Java and Nimbus: nothing else of the hub, no Jakarta EE");
    }

    static ArchRule clientUsesProtocolOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".client..")
                .should().dependOnClassesThat(resideInAPackage(root + "..")
                        .and(not(resideInAnyPackage(root + ".client..", root + ".protocol..")))
                        .or(resideInAnyPackage("jakarta..")))
                .as("the client depends on the protocol only: never on the hub's contracts or services");
    }

    /**
     * {@code root.X.internal..} is X's implementation: a class outside {@code root.X..} that depends on it fails.
     */
    static ArchRule internalStaysInItsDomain(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("use another domain's internal package") {
                    @Override
                    public void check(JavaClass origin, com.tngtech.archunit.lang.ConditionEvents events) {
                        for (com.tngtech.archunit.core.domain.Dependency d : origin.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            String domain = internalDomain(root, target);
                            if (domain != null && !origin.getPackageName().equals(domain)
                                    && !origin.getPackageName().startsWith(domain + ".")) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.satisfied(d, d.getDescription()));
                            }
                        }
                    }
                })
                .as("X.internal is used only from X");
    }

    /** @return {@code root.X} if the package is {@code root.X.internal} or below it, else {@code null} */
    private static String internalDomain(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return null;
        }
        String[] parts = packageName.substring(root.length() + 1).split("\\.");
        return parts.length >= 2 && parts[1].equals("internal") ? root + "." + parts[0] : null;
    }

    static ArchRule cryptoDependsOnNoOtherDomain(String root) {
        return noClasses().that().resideInAPackage(root + ".crypto..")
                .should().dependOnClassesThat(ejbModule(root).and(not(resideInAPackage(root + ".crypto.."))))
                .as("crypto depends on no other domain");
    }

    static ArchRule apiIsAContractOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".api..")
                .should().dependOnClassesThat(resideInAnyPackage("jakarta.persistence..", "jakarta.ws.rs..",
                        "jakarta.servlet..", "jakarta.faces..", root + ".web..", root + ".probes..", root + ".protocol..",
                        root + ".client..").or(resideInAnyPackage(CRYPTO_LIBRARIES)).or(ejbModule(root)))
                .as("api holds contracts only: no JPA, REST, servlet or Nimbus types, nothing of protocol, client, web or ejb");
    }

    static ArchRule webUsesApiOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".web..")
                .should().dependOnClassesThat(ejbModule(root).or(resideInAnyPackage("jakarta.persistence..",
                        root + ".probes..", root + ".client..")))
                .as("web reaches the hub through api (and the protocol) only (web -> api)");
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
                        "jakarta.validation..", root + ".api..", root + ".protocol..", root + "..domain.."))
                .as("domain packages use only java.*, JPA, Bean Validation, api contracts and the protocol");
    }

    static ArchRule onlyCryptoUsesCryptoLibraries(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + "..crypto..", root + ".protocol..", root + ".client..")
                .should().dependOnClassesThat().resideInAnyPackage(CRYPTO_LIBRARIES)
                .as("only crypto, protocol and client packages import Nimbus JOSE+JWT or Bouncy Castle");
    }
}
