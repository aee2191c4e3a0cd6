package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside WildFly: a deadline is marked once however many markers race for it — here four
 * threads calling the marker at the same moment, plus the server's own deadline watch, stand in
 * for several nodes scanning one database. Exactly one wins; the log holds one {@code case.overdue}.
 */
@ExtendWith(ArquillianExtension.class)
class DeadlineMarkerIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return HubDeployment.earWithTests(DeadlineMarkerIT.class, ExpectedDatabase.class, DemoClients.class,
                HttpClientSupport.class, CaseRequests.class);
    }

    private static long count(String sql, String id) throws Exception {
        DataSource dataSource = (DataSource) new InitialContext().lookup(ExpectedDatabase.jndiName());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void racingMarkersMarkADeadlineOnceWithOneAuditEntry() throws Exception {
        Instant deadline = Instant.now().plusSeconds(2);
        HubResponse created = DemoClients.as(DemoClients.MINISTRY).post("/api/v1/cases", Json.createObjectBuilder(
                CaseRequests.parse(CaseRequests.removalOrder(DemoClients.PLATFORM_A))).add("deadline", deadline.toString())
                .build().toString());
        assertEquals(201, created.status(), created.problem());
        String id = CaseRequests.parse(created.body()).getString("id");

        Object marker = new InitialContext().lookup("java:global/hub/hub-ejb/DeadlineMarker");
        Method mark = marker.getClass().getMethod("mark", String.class);
        assertEquals(false, mark.invoke(marker, id), "not due yet: nothing to mark");

        Thread.sleep(Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis()) + 50);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> racers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                racers.add(pool.submit(() -> {
                    start.await();
                    return (Boolean) mark.invoke(marker, id);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : racers) {
                won += f.get() ? 1 : 0;
            }
            assertTrue(won <= 1, won + " markers won"); // 0: the server's own watch got there first
        } finally {
            pool.shutdownNow();
        }
        assertEquals(false, mark.invoke(marker, id), "marked already");
        assertEquals(1, count("select count(*) from audit_entry where target_id = ? and action = 'case.overdue'", id),
                "one deadline, one audit entry");
        assertEquals(2, count("select count(*) from case_event where case_id = ? and type = 'case.overdue'", id),
                "one event for each party");
    }
}
