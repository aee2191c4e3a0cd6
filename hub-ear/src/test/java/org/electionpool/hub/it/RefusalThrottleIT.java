package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.AuditService;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.api.hxp.EnvelopeService;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.security.Caller;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside WildFly: a flood of refused unauthenticated requests from one address grows the log
 * by its budget of {@code request.refused} entries, then by one {@code request.refused.throttled}
 * summary counting the rest; refusals of authenticated senders are never throttled; the log stays
 * consistent. The test server's budget is {@code hub.audit.refusals-per-address-per-minute} (hub-ear
 * pom); the budget is spent through the throttle itself so the test writes only what it checks.
 */
@ExtendWith(ArquillianExtension.class)
class RefusalThrottleIT {

    private static final org.electionpool.hub.api.security.Caller HUB = org.electionpool.hub.api.security.Caller.system("it");

    @Deployment
    static EnterpriseArchive deployment() {
        return HubDeployment.earWithTests(RefusalThrottleIT.class, ExpectedDatabase.class);
    }

    private static <T> T lookup(String bean, Class<T> type) throws Exception {
        return type.cast(new InitialContext().lookup("java:global/hub/hub-ejb/" + bean + "!" + type.getName()));
    }

    private static long size(AuditService audit) {
        String note = audit.latestCheckpoint();
        return Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1)).size();
    }

    /** @return the leaves of entries [from, to) that mention {@code address} */
    private static List<JsonObject> leavesMentioning(String address, long from, long to) throws Exception {
        DataSource dataSource = (DataSource) new InitialContext().lookup(ExpectedDatabase.jndiName());
        List<JsonObject> leaves = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select leaf from audit_entry where idx >= ? and idx < ? order by idx")) {
            s.setLong(1, from);
            s.setLong(2, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).contains(address)) {
                        leaves.add(Json.createReader(new StringReader(rs.getString(1))).readObject());
                    }
                }
            }
        }
        return leaves;
    }

    @Test
    void aFloodFromOneAddressBecomesOneSummaryEntryAndAuthenticatedRefusalsAreStillRecorded() throws Exception {
        String configured = System.getProperty("hub.audit.refusals-per-address-per-minute");
        assertNotNull(configured, "the test server sets the budget");
        int budget = Integer.parseInt(configured);
        String address = "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
        Object throttle = new InitialContext().lookup("java:global/hub/hub-ejb/RefusalThrottle");
        Method admit = throttle.getClass().getMethod("admit", String.class, String.class);
        for (int i = 0; i < budget; i++) {
            assertEquals(true, admit.invoke(throttle, address, "hxp-malformed"), "within the budget: " + i);
        }

        EnvelopeService envelopes = lookup("EnvelopeServiceBean", EnvelopeService.class);
        AuditService audit = lookup("AuditServiceBean", AuditService.class);
        long before = size(audit);
        for (int i = 0; i < 25; i++) {
            envelopes.recordRefusal(AuditContext.unauthenticated(), i % 2 == 0 ? "hxp-malformed" : "hxp-unauthenticated",
                    400, "POST", "/api/v1/cases", address);
        }
        AuditContext signed = new AuditContext(Caller.Channel.API, new OrganizationId("platform-alpha"), "kid-it",
                "jti-" + address, null, null, Instant.now());
        envelopes.recordRefusal(signed, "validation-failed", 400, "POST", "/api/v1/cases", address);
        long afterFlood = size(audit);
        List<JsonObject> recorded = leavesMentioning(address, before, afterFlood);
        assertEquals(1, recorded.size(), "only the authenticated refusal: " + recorded);
        assertEquals("platform-alpha", recorded.get(0).getString("actor_org"));

        int written = (Integer) throttle.getClass().getMethod("flushAll").invoke(throttle);
        assertTrue(written >= 1, "at least this address's summary");
        List<JsonObject> summaries = leavesMentioning(address, afterFlood, size(audit));
        assertEquals(1, summaries.size(), summaries.toString());
        JsonObject summary = summaries.get(0);
        assertEquals("request.refused.throttled", summary.getString("action"));
        JsonObject details = summary.getJsonObject("details");
        assertEquals(address, details.getString("remote_address"));
        assertEquals(25, details.getInt("count"));
        assertEquals(13, details.getJsonObject("reasons").getInt("hxp-malformed"));
        assertEquals(12, details.getJsonObject("reasons").getInt("hxp-unauthenticated"));

        assertEquals(true, admit.invoke(throttle, address, "hxp-malformed"), "a flushed address starts afresh");
        assertTrue(audit.fsck(HUB).ok(), "the log verifies with the summary in it");
    }
}
