package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.Local;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.security.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A unit test (no server) of {@link ServiceAuthorizationTable}: every method of every {@code @Local}
 * service interface in hub-api has its rule, and the completeness check really fails for a
 * method without one — so a new service method cannot ship without a row.
 */
class ServiceAuthorizationTableTest {

    private static List<Class<?>> services;

    @BeforeAll
    static void findServiceInterfaces() {
        services = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.electionpool.hub.api")) {
            if (c.isInterface() && c.isAnnotatedWith(Local.class)) {
                services.add(c.reflect());
            }
        }
    }

    @Test
    void theImportSeesEveryServiceInterface() {
        // Guards against a vacuous pass.
        List<String> names = services.stream().map(Class::getSimpleName).sorted().toList();
        assertTrue(names.containsAll(List.of("AuditService", "CaseService", "DiscoveryService", "EnvelopeService",
                "HubStatusService", "OrganizationKeyService", "OrganizationService", "WebhookService")), names::toString);
    }

    @Test
    void everyServiceMethodHasARule() {
        assertEquals(Set.of(), ServiceAuthorizationTable.missing(services, ServiceAuthorizationTable.rows()));
    }

    @Test
    void aMethodWithoutARowIsCaught() {
        String[] withoutInbox = Arrays.stream(ServiceAuthorizationTable.TABLE)
                .filter(line -> !line.startsWith("CaseService.inbox ")).toArray(String[]::new);
        assertEquals(Set.of("CaseService.inbox: no row"),
                ServiceAuthorizationTable.missing(services, ServiceAuthorizationTable.rows(withoutInbox)));
    }

    /** A service as a developer might add it, with a method nobody wrote a rule for. */
    @Local
    interface NewService {
        void act(Caller caller, AuditContext context);

        String hello();
    }

    @Test
    void aNewServiceMethodWithoutARowIsCaught() {
        List<Class<?>> withNew = new ArrayList<>(services);
        withNew.add(NewService.class);
        assertEquals(Set.of("NewService.act: no row", "NewService.hello: no row"),
                ServiceAuthorizationTable.missing(withNew, ServiceAuthorizationTable.rows()));

        List<String> partial = new ArrayList<>(List.of(ServiceAuthorizationTable.TABLE));
        partial.add("NewService.act  none  ok ok ok ok ok ok -");
        partial.add("NewService.hello  none  ok ok ok ok ok ok ok");
        assertEquals(Set.of("NewService.act: never called as HUB", "NewService.act: no mismatch row for its audit context",
                        "NewService.hello: takes no caller but has no public row"),
                ServiceAuthorizationTable.missing(withNew, ServiceAuthorizationTable.rows(partial.toArray(String[]::new))));
    }

    @Test
    void aRowForAMethodThatIsGoneIsCaught() {
        List<String> table = new ArrayList<>(List.of(ServiceAuthorizationTable.TABLE));
        table.add("CaseService.delete  own  ok ok - - ok ok -");
        assertEquals(Set.of("CaseService.delete: a row for a method that does not exist"),
                ServiceAuthorizationTable.missing(services, ServiceAuthorizationTable.rows(table.toArray(String[]::new))));
    }

    @Test
    void malformedLinesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ServiceAuthorizationTable.rows("CaseService.get own ok ok"));
        assertThrows(IllegalArgumentException.class,
                () -> ServiceAuthorizationTable.rows("CaseService.get own ok ok ok ok ok ok maybe"));
        assertThrows(IllegalArgumentException.class,
                () -> ServiceAuthorizationTable.rows("CaseService.get own IAE ok ok ok ok ok ok"), "IAE only in mismatch lines");
    }

    @Test
    void theTableHasItsSize() {
        // Printed for the record: the number of calls ServiceAuthorizationIT makes.
        int rows = ServiceAuthorizationTable.rows().size();
        System.out.println("service authorisation matrix: " + rows + " rows");
        assertTrue(rows > 200, "rows: " + rows);
    }
}
