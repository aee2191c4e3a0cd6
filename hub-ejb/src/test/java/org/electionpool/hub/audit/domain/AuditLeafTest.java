package org.electionpool.hub.audit.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.security.Caller;
import org.junit.jupiter.api.Test;

/** The leaf bytes are the log's format (docs/audit-log.md): pinned here byte for byte. */
class AuditLeafTest {

    private static final Instant AT = Instant.parse("2027-04-12T08:00:00.123456Z");
    private static final byte[] NONCE = new byte[16];

    @Test
    void anAuthenticatedChangeHasEveryKnownMemberInCanonicalOrder() {
        AuditContext context = new AuditContext(Caller.Channel.API, new OrganizationId("ministry-of-justice-fi"),
                "sig-1", "jti-1", "eyJ.e30.sig", "Ym9keQ==", Instant.parse("2027-04-12T07:59:59Z"));
        AuditLeaf leaf = AuditLeaf.build(7, AT, context, "case.created", "case", "case-1", Map.of("items", 3), NONCE);
        assertEquals("{\"action\":\"case.created\",\"actor_org\":\"ministry-of-justice-fi\",\"actor_principal\":\"sig-1\","
                + "\"body_sha256\":\"Ym9keQ==\",\"channel\":\"API\",\"details\":{\"items\":3},"
                + "\"evidence_sha256\":\"" + AuditContext.sha256("eyJ.e30.sig") + "\",\"index\":7,\"jti\":\"jti-1\","
                + "\"nonce\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"received_at\":\"2027-04-12T07:59:59Z\",\"target_id\":\"case-1\","
                + "\"target_type\":\"case\",\"timestamp\":\"2027-04-12T08:00:00.123456Z\"}",
                new String(leaf.leaf(), StandardCharsets.UTF_8));
        assertArrayEquals(MerkleTree.hashLeaf(leaf.leaf()), leaf.leafHash());
        assertEquals("eyJ.e30.sig", leaf.evidence());
        assertEquals("ministry-of-justice-fi", leaf.actorOrg());
    }

    @Test
    void absentValuesAndEmptyDetailsAreLeftOutNeverNull() {
        AuditLeaf leaf = AuditLeaf.build(0, AT, AuditContext.unauthenticated(), "request.refused", null, null, Map.of(), NONCE);
        assertEquals("{\"action\":\"request.refused\",\"channel\":\"API\",\"index\":0,\"nonce\":\"AAAAAAAAAAAAAAAAAAAAAA==\","
                + "\"timestamp\":\"2027-04-12T08:00:00.123456Z\"}", new String(leaf.leaf(), StandardCharsets.UTF_8));
        assertNull(leaf.evidence());
    }

    @Test
    void anOversizedRefusalIsCommittedToButNotKept() {
        String huge = "x".repeat(AuditLeaf.MAX_REFUSED_EVIDENCE + 1);
        AuditContext context = new AuditContext(Caller.Channel.API, new OrganizationId("platform-alpha"), null, "j", huge,
                null, AT);
        AuditLeaf refused = AuditLeaf.build(1, AT, context, "request.refused", null, null, null, NONCE);
        assertNull(refused.evidence(), "not stored");
        String text = new String(refused.leaf(), StandardCharsets.UTF_8);
        assertEquals(true, text.contains("\"evidence_withheld\":\"size\"") && text.contains(AuditContext.sha256(huge)));
        AuditLeaf kept = AuditLeaf.build(2, AT, context, "case.created", null, null, null, NONCE);
        assertEquals(huge, kept.evidence(), "only refusals are withheld");
        assertThrows(IllegalArgumentException.class,
                () -> AuditLeaf.build(3, AT, context, "case.created", null, null, null, new byte[8]));
    }
}
