package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditBundle;
import org.electionpool.hub.api.audit.AuditEntryView;
import org.electionpool.hub.api.audit.AuditService;
import org.electionpool.hub.api.audit.CheckpointView;
import org.electionpool.hub.api.audit.FsckReport;
import org.electionpool.hub.api.audit.InclusionProofView;
import org.electionpool.hub.api.hxp.DiscoveryService;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.electionpool.hub.protocol.json.StrictJson;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.protocol.log.ProofException;

/**
 * The auditor's pages: the log newest first (action, organisation, target, time), one entry with
 * its evidence — a sender's signature or the hub's attestation, never one for the other — and its
 * inclusion proof checked here against the latest checkpoint (whose Ed25519 signature is checked
 * with the log's published verifier key), the checkpoint history, evidence bundles to download with
 * the verifier command beside them, and fsck.
 */
@Named
@RequestScoped
public class AuditBean {

    /** Entries per page. */
    static final int PAGE = 50;

    private static final Jsonb JSONB = JsonbBuilder.create();

    @EJB
    AuditService audit;

    @EJB
    DiscoveryService discovery;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    private Long to;
    private Long index;
    private String targetType = "case";
    private String targetId;
    private Checkpoint latest;
    private List<Row> rows;
    private FsckReport fsck;

    /** One entry as the list shows it. */
    public record Row(long index, String timestamp, String action, String channel, String actorOrg, String actor,
                      String targetType, String targetId, String evidence) {
    }

    /** @return the latest checkpoint, its signature checked with the log's verifier key */
    public Checkpoint getLatest() {
        if (latest == null) {
            latest = LatestCheckpoint.read(audit, discovery);
        }
        return latest;
    }

    /** @return the page of entries ending before {@link #getTo()}, newest first (an audited read) */
    public List<Row> getRows() {
        if (rows == null) {
            long end = end();
            long start = Math.max(0, end - PAGE);
            rows = new ArrayList<>();
            try {
                for (AuditEntryView e : audit.entries(ui.caller(), ui.attest("audit.entries", null), start, end)) {
                    Map<?, ?> leaf = leaf(e);
                    rows.add(new Row(e.index(), e.timestamp(), e.action(), string(leaf, "channel"), e.actorOrg(),
                            string(leaf, "actor_principal"), e.targetType(), e.targetId(), evidenceKind(leaf, e.evidence())));
                }
            } catch (HubException ex) {
                problems.show(ex);
            }
            Collections.reverse(rows);
        }
        return rows;
    }

    /** @return the next older page's end, or {@code null} at the start of the log */
    public Long getOlder() {
        long end = end();
        return end - PAGE > 0 ? end - PAGE : null;
    }

    /** The entry page's facts. */
    public record EntryDetail(long index, String leafJson, String evidenceKind, String evidence, boolean included,
                              String proofText, long checkpointSize) {
    }

    /** @return the entry of {@link #getIndex()}, with its inclusion checked against the latest checkpoint */
    public EntryDetail getEntry() {
        if (index == null) {
            return null;
        }
        Checkpoint cp = getLatest();
        try {
            List<AuditEntryView> found = audit.entries(ui.caller(), ui.attest("audit.entry", null), index, index + 1);
            if (found.isEmpty()) {
                return null;
            }
            AuditEntryView e = found.get(0);
            Map<?, ?> leaf = leaf(e);
            byte[] leafBytes = Base64.getDecoder().decode(e.leaf());
            InclusionProofView proof = audit.inclusion(ui.caller(), index, cp.size());
            boolean ok;
            String text;
            try {
                MerkleTree.verifyInclusion(index, cp.size(), MerkleTree.hashLeaf(leafBytes),
                        proof.proof().stream().map(p -> Base64.getDecoder().decode(p)).toList(), cp.rootHash());
                ok = true;
                text = ui.text("audit.entry.included", index, cp.size(), proof.proof().size());
            } catch (ProofException ex) {
                ok = false;
                text = ui.text("audit.entry.not-included", ex.getMessage());
            }
            String pretty = new String(CanonicalJson.write(StrictJson.parse(new String(leafBytes, StandardCharsets.UTF_8),
                    CanonicalJson.MAX_DEPTH)), StandardCharsets.UTF_8).replace(",\"", ",\n \"");
            return new EntryDetail(index, pretty, evidenceKind(leaf, e.evidence()), e.evidence(), ok, text, cp.size());
        } catch (HubException ex) {
            problems.show(ex);
            return null;
        }
    }

    /** @return the checkpoint history, newest first */
    public List<CheckpointView> getCheckpoints() {
        return audit.checkpoints(null, 20);
    }

    /** Runs fsck over the whole stored log. */
    public String runFsck() {
        try {
            fsck = audit.fsck(ui.caller());
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** Sends the evidence bundle of the target as a download (an audited read). */
    public void downloadBundle() throws IOException {
        if (targetId == null || targetId.isBlank() || !List.of("case", "organization", "indicator").contains(targetType)) {
            problems.field("targetId", ui.text("audit.bundle.target.required"));
            return;
        }
        AuditBundle bundle;
        try {
            bundle = audit.bundle(ui.caller(), ui.attest("audit.bundle", Map.of("targetType", targetType,
                    "targetId", targetId.strip())), targetType, targetId.strip());
        } catch (HubException e) {
            problems.show(e);
            return;
        }
        Downloads.json(bundleFile(), JSONB.toJson(bundle));
    }

    /** @return the bundle's file name */
    public String bundleFile() {
        String id = targetId == null ? "" : targetId.strip().replaceAll("[^A-Za-z0-9._-]", "_");
        return "bundle-" + targetType + "-" + id + ".json";
    }

    /** @return the verifier command for the bundle (docs/verifier.md) */
    public String getVerifierCommand() {
        return "java -jar hub-verifier/target/hub-audit-verifier.jar --key '" + discovery.configuration().auditLog().verifierKey() + "' "
                + bundleFile();
    }

    private String evidenceKind(Map<?, ?> leaf, String evidence) {
        if (evidence == null) {
            return leaf.get("evidence_sha256") == null ? ui.text("audit.evidence.none") : ui.text("audit.evidence.withheld");
        }
        return "UI".equals(leaf.get("channel")) ? ui.text("audit.evidence.attested") : ui.text("audit.evidence.signed");
    }

    private static Map<?, ?> leaf(AuditEntryView e) {
        Object parsed = StrictJson.parse(new String(Base64.getDecoder().decode(e.leaf()), StandardCharsets.UTF_8),
                CanonicalJson.MAX_DEPTH);
        return parsed instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String string(Map<?, ?> leaf, String name) {
        return leaf.get(name) instanceof String s ? s : null;
    }

    public Long getTo() {
        return to;
    }

    private long end() {
        return Math.min(to == null ? Long.MAX_VALUE : to, getLatest().size());
    }

    public void setTo(Long to) {
        this.to = to;
    }

    public Long getIndex() {
        return index;
    }

    public void setIndex(Long index) {
        this.index = index;
    }

    public String getTargetType() {
        return targetType;
    }

    public void setTargetType(String targetType) {
        this.targetType = targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }

    public FsckReport getFsck() {
        return fsck;
    }
}
