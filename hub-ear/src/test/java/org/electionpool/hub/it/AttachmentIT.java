package org.electionpool.hub.it;

import static org.electionpool.hub.it.CaseRequests.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HexFormat;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Evidence attachments, in the server (so the stored row can be inspected): uploaded inside the
 * envelope, addressed by SHA-256, type- and size-checked, readable by both parties and nobody else,
 * stored encrypted (the plaintext is nowhere in the row), and a changed ciphertext is never served.
 */
@ExtendWith(ArquillianExtension.class)
class AttachmentIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return HubDeployment.earWithTests(AttachmentIT.class, ExpectedDatabase.class, HttpClientSupport.class,
                DemoClients.class, CaseRequests.class);
    }

    private static String body(String filename, String mediaType, byte[] content, Integer item) {
        return "{\"filename\":\"" + filename + "\",\"mediaType\":\"" + mediaType + "\",\"content\":\""
                + Base64.getEncoder().encodeToString(content) + "\"" + (item == null ? "" : ",\"item\":" + item) + "}";
    }

    @Test
    void attachmentsAreSharedByThePartiesOnlyStoredEncryptedAndNeverServedWhenTampered() throws Exception {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        HubClient platform = DemoClients.as(DemoClients.PLATFORM_A);
        String id = CaseRequests.create(ministry, DemoClients.PLATFORM_A);
        String path = "/api/v1/cases/" + id + "/attachments";
        byte[] content = ("SECRET-MARKER evidence for case " + id).getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        HubResponse added = ministry.post(path, body("notice.txt", "text/plain", content, 1));
        assertEquals(201, added.status(), added.problem());
        assertEquals(sha, parse(added.body()).getString("sha256"));
        assertEquals(200, ministry.post(path, body("again.txt", "text/plain", content, 1)).status(), "same content, same attachment");
        assertEquals(1, parse(platform.get(path).body()).getJsonArray("attachments").size());

        HubResponse read = platform.get(path + "/" + sha);
        assertEquals(200, read.status(), read.problem());
        assertArrayEquals(content, Base64.getDecoder().decode(parse(read.body()).getString("content")));
        assertTrue(read.receipt() != null, "reading evidence is an audited read");
        for (String other : new String[] {DemoClients.PLATFORM_B, DemoClients.ELECTION_AUTHORITY, DemoClients.AUDITOR,
                DemoClients.OPERATOR}) {
            assertEquals(404, DemoClients.as(other).get(path + "/" + sha).status(), other);
            assertEquals(404, DemoClients.as(other).post(path, body("x.txt", "text/plain", content, null)).status(), other);
        }
        assertEquals(404, platform.get(path + "/" + "0".repeat(64)).status());
        assertEquals(404, platform.get(path + "/not-a-digest").status());

        byte[] pdf = "%PDF-1.7 not really a png".getBytes(StandardCharsets.US_ASCII);
        for (String bad : new String[] {body("a.png", "image/png", pdf, null), body("a.exe", "application/x-msdownload", pdf, null),
                body("../etc/passwd", "text/plain", content, null), body("a.txt", "text/plain", content, 9),
                body("big.txt", "text/plain", "x".repeat(400 * 1024).getBytes(StandardCharsets.US_ASCII), null),
                "{\"filename\":\"a.txt\",\"mediaType\":\"text/plain\",\"content\":\"%%%\"}"}) {
            HubResponse refused = ministry.post(path, bad);
            assertEquals(400, refused.status(), bad.substring(0, Math.min(80, bad.length())) + " " + refused.problem());
        }

        DataSource db = (DataSource) new InitialContext().lookup(ExpectedDatabase.jndiName());
        String ciphertext;
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select ciphertext, key_alias from case_attachment where case_id = ? and sha256 = ?")) {
            s.setString(1, id);
            s.setString(2, sha);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                ciphertext = rs.getString(1);
                assertTrue(rs.getString(2).startsWith("att-"));
            }
        }
        String stored = new String(Base64.getDecoder().decode(ciphertext), StandardCharsets.ISO_8859_1);
        assertFalse(stored.contains("SECRET-MARKER") || ciphertext.contains("SECRET"), "encrypted at rest");

        byte[] tampered = Base64.getDecoder().decode(ciphertext);
        tampered[tampered.length - 1] ^= 1;
        update(db, id, sha, Base64.getEncoder().encodeToString(tampered));
        try {
            HubResponse refused = platform.get(path + "/" + sha);
            assertEquals(500, refused.status(), "a changed ciphertext is never served");
            assertFalse(String.valueOf(refused.problem()).contains("SECRET"));
        } finally {
            update(db, id, sha, ciphertext);
        }
        assertEquals(200, platform.get(path + "/" + sha).status());
    }

    private static void update(DataSource db, String id, String sha, String ciphertext) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("update case_attachment set ciphertext = ? where case_id = ? and sha256 = ?")) {
            s.setString(1, ciphertext);
            s.setString(2, id);
            s.setString(3, sha);
            assertEquals(1, s.executeUpdate());
        }
    }
}
