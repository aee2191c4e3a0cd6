package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.electionpool.hub.api.audit.AuditService;
import org.electionpool.hub.api.audit.FsckReport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tamper tests for the server-side consistency check: one change at a time to the stored log —
 * an entry row, a stored leaf hash, a stored subtree hash, one byte of a checkpoint, a missing
 * entry — is found and named by its index; after each, the original is restored and the log checks
 * clean again.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTamperIT {

    private static final org.electionpool.hub.api.security.Caller HUB = org.electionpool.hub.api.security.Caller.system("it");

    @Deployment
    static EnterpriseArchive deployment() {
        return HubDeployment.earWithTests(AuditTamperIT.class, ExpectedDatabase.class, HttpClientSupport.class,
                DemoClients.class);
    }

    private AuditService audit;
    private DataSource dataSource;
    private long index;

    @BeforeEach
    void setUp() throws Exception {
        audit = (AuditService) new InitialContext()
                .lookup("java:global/hub/hub-ejb/AuditServiceBean!" + AuditService.class.getName());
        dataSource = (DataSource) new InitialContext().lookup(ExpectedDatabase.jndiName());
        for (int i = 0; i < 4; i++) {
            assertEquals(401, HttpClientSupport.get(HttpClientSupport.HUB, "/api/v1/organizations").statusCode());
        }
        FsckReport clean = audit.fsck(HUB);
        assertTrue(clean.ok(), clean.toString());
        assertEquals(clean.size(), clean.entriesChecked());
        // Checkpoints are stored per sequencer batch (ADR 0011); each request here was a batch of its own.
        assertTrue(clean.checkpointsChecked() >= 4 && clean.checkpointsChecked() <= clean.size(),
                "every stored checkpoint verified: " + clean);
        index = clean.size() - 2;
    }

    private String read(String sql, Object key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, key);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }

    private void write(String sql, Object value, Object key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, value);
            s.setObject(2, key);
            assertEquals(1, s.executeUpdate(), sql);
        }
    }

    /** Applies a change, expects the check to name {@code index}, restores, expects a clean check. */
    private void assertFound(String sql, String tampered, String original, Object key, String problemPart) throws Exception {
        assertFound(sql, tampered, original, key, problemPart, index);
    }

    private void assertFound(String sql, String tampered, String original, Object key, String problemPart, long expected)
            throws Exception {
        write(sql, tampered, key);
        try {
            FsckReport report = audit.fsck(HUB);
            assertFalse(report.ok(), "tampering went unnoticed");
            assertEquals(expected, report.firstBadIndex(), report.toString());
            assertTrue(report.problem().contains(problemPart), report.problem());
        } finally {
            write(sql, original, key);
        }
        assertTrue(audit.fsck(HUB).ok(), "clean again once restored");
    }

    @Test
    void changedEntryRowIsFoundAtItsIndex() throws Exception {
        String leaf = read("select leaf from audit_entry where idx = ?", index);
        assertFound("update audit_entry set leaf = ? where idx = ?", leaf.replace("request.refused", "request.refusex"),
                leaf, index, "leaf hash");
    }

    @Test
    void changedStoredLeafHashIsFoundAtItsIndex() throws Exception {
        String hash = read("select leaf_hash from audit_entry where idx = ?", index);
        assertFound("update audit_entry set leaf_hash = ? where idx = ?", Base64.getEncoder().encodeToString(new byte[32]),
                hash, index, "leaf hash");
    }

    @Test
    void changedStoredSubtreeHashIsFoundAtItsIndex() throws Exception {
        String hash = read("select hash from audit_node where level = 0 and node_index = ?", index);
        assertFound("update audit_node set hash = ? where level = 0 and node_index = ?",
                Base64.getEncoder().encodeToString(new byte[32]), hash, index, "subtree hash (0, " + index + ")");
    }

    @Test
    void oneChangedCheckpointByteIsFoundAtItsIndex() throws Exception {
        String note = read("select note from audit_checkpoint where size = ?", index + 1);
        int at = note.length() - 10; // inside the signature
        char changed = note.charAt(at) == 'A' ? 'B' : 'A';
        String tampered = note.substring(0, at) + changed + note.substring(at + 1);
        assertFound("update audit_checkpoint set note = ? where size = ?", tampered, note, index + 1,
                "checkpoint of size " + (index + 1));
    }

    @Test
    void missingEntryIsFoundAtItsIndex() throws Exception {
        long moved = Long.MAX_VALUE / 2 + index; // out of the way, then back
        write("update audit_entry set idx = ? where idx = ?", moved, index);
        try {
            FsckReport report = audit.fsck(HUB);
            assertFalse(report.ok());
            assertEquals(index, report.firstBadIndex(), report.toString());
            assertTrue(report.problem().contains("missing"), report.problem());
        } finally {
            write("update audit_entry set idx = ? where idx = ?", index, moved);
        }
        assertTrue(audit.fsck(HUB).ok());
    }

    @Test
    void changedEvidenceSignatureIsFoundAtItsIndex() throws Exception {
        org.electionpool.hub.client.HubResponse refused = DemoClients.as(DemoClients.PLATFORM_A)
                .get("/api/v1/organizations/no-such-organization");
        assertEquals(404, refused.status());
        long signed = jakarta.json.Json.createReader(new java.io.StringReader(refused.receipt())).readObject()
                .getJsonNumber("index").longValue();
        String evidence = read("select evidence from audit_entry where idx = ?", signed);
        int at = evidence.length() - 6; // inside the JWS signature
        String tampered = evidence.substring(0, at) + (evidence.charAt(at) == 'A' ? 'B' : 'A') + evidence.substring(at + 1);
        assertFound("update audit_entry set evidence = ? where idx = ?", tampered, evidence, signed, "evidence", signed);
    }

    @Test
    void aHeadMovedBackIsFoundAtTheFirstEntryBeyondIt() throws Exception {
        long size = audit.fsck(HUB).size();
        write("update audit_head set size = ? where id = ?", size - 1, 1);
        try {
            FsckReport report = audit.fsck(HUB);
            assertFalse(report.ok(), "a truncated view went unnoticed");
            assertEquals(size - 1, report.firstBadIndex(), report.toString());
            assertTrue(report.problem().contains("beyond the log head"), report.problem());
        } finally {
            write("update audit_head set size = ? where id = ?", size, 1);
        }
        assertTrue(audit.fsck(HUB).ok());
    }

    @Test
    void aMissingHeadCheckpointIsFoundAtTheLastEntry() throws Exception {
        long head = index + 2; // the head's checkpoint is always stored; earlier sizes only at batch ends
        String note = read("select note from audit_checkpoint where size = ?", head);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from audit_checkpoint where size = ?")) {
            s.setLong(1, head);
            assertEquals(1, s.executeUpdate());
        }
        try {
            FsckReport report = audit.fsck(HUB);
            assertFalse(report.ok());
            assertEquals(head - 1, report.firstBadIndex(), report.toString());
            assertTrue(report.problem().contains("checkpoint of the head"), report.problem());
        } finally {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("insert into audit_checkpoint (size, note, created_at)"
                         + " values (?, ?, current_timestamp)")) {
                s.setLong(1, head);
                s.setString(2, note);
                assertEquals(1, s.executeUpdate());
            }
        }
        assertTrue(audit.fsck(HUB).ok());
    }
}
