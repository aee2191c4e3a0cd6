package org.electionpool.hub.audit.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.audit.AuditBundle;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.AuditEntryView;
import org.electionpool.hub.api.audit.AuditService;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.electionpool.hub.protocol.json.StrictJson;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.api.audit.ConsistencyProofView;
import org.electionpool.hub.api.audit.FsckReport;
import org.electionpool.hub.api.audit.InclusionProofView;
import org.electionpool.hub.api.audit.ReceiptView;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Authorization;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.audit.domain.AuditTree;
import org.electionpool.hub.audit.domain.LogCheck;
import org.electionpool.hub.crypto.HubKeys;
import org.electionpool.hub.system.HubConfiguration;

/**
 * The audit log's read side: the public checkpoint and consistency proofs, and — over HXP/1 —
 * entries, inclusion proofs, evidence bundles, exports and the consistency check. Roots and proofs
 * are computed node ids first ({@link AuditTree}: the stored subtrees named from sizes and indices,
 * read in one query, rehashed) over the hub's native-SQL store ({@link JpaAuditStore}); audited
 * reads write their own entry through the {@link AuditLog} port, committed before the read.
 *
 * <p>Invariant: every root and proof it answers is the RFC 9162 §2.1 one over the stored complete
 * subtrees; it never writes anything but those read entries; everything below the head it
 * reads is immutable, so no read holds the head lock.
 */
@Stateless
@Local(AuditService.class)
public class AuditServiceBean implements AuditService {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** Most leaf and evidence characters one entries page returns; the page ends early beyond it. */
    static final long MAX_PAGE_CHARS = 8L * 1024 * 1024;

    /** Most leaf and evidence characters one export holds. */
    static final long MAX_EXPORT_CHARS = 64L * 1024 * 1024;

    /** Most entries one call returns. */
    static final int MAX_ENTRIES = 1000;

    /** Most entries one bundle holds. */
    static final int MAX_BUNDLE = 10_000;

    /** Entries read per batch during an export (as during {@link #fsck}). */
    static final int EXPORT_BATCH = LogCheck.BATCH;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    HubKeys hubKeys;

    @Inject
    HubConfiguration configuration;

    @Inject
    org.electionpool.hub.organizations.domain.OrganizationKeyRepository organizationKeys;

    @EJB
    AuditLog auditLog;

    private JpaAuditStore store() {
        return new JpaAuditStore(em);
    }

    @Override
    public String latestCheckpoint() {
        List<?> notes = em.createNativeQuery("select note from audit_checkpoint order by size desc")
                .setMaxResults(1).getResultList();
        if (!notes.isEmpty()) {
            return (String) notes.get(0);
        }
        return emptyCheckpoint();
    }

    /** @return the empty tree's checkpoint, signed on demand and never stored */
    private String emptyCheckpoint() {
        Checkpoint empty = new Checkpoint(configuration.auditOrigin(), 0, MerkleTree.emptyRoot(), List.of());
        KeyPair key = hubKeys.auditLogKey();
        return SignedNote.sign(empty.body(), configuration.auditOrigin(), key.getPrivate(), key.getPublic());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<AuditEntryView> entries(Caller caller, AuditContext context, long from, long to) {
        Authorization.requireSameActor(caller, context);
        long size = store().size();
        if (from < 0 || from > to || to > size || to - from > MAX_ENTRIES) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "Need 0 <= from <= to <= " + size
                    + " (the current tree size) and at most " + MAX_ENTRIES + " entries per call.");
        }
        auditLog.appendNow(new AuditEvent(context, AuditAction.AUDIT_ENTRIES_READ, "audit_log", null,
                Map.of("from", from, "to", to)));
        boolean all = isAuditor(caller);
        jakarta.persistence.Query query = em.createNativeQuery("select idx, leaf, leaf_hash, evidence from audit_entry"
                        + " where idx >= ?1 and idx < ?2" + (all ? "" : " and actor_org = ?3") + " order by idx")
                .setParameter(1, from).setParameter(2, to);
        if (!all) {
            query.setParameter(3, caller.organization().value());
        }
        List<AuditEntryView> page = new java.util.ArrayList<>();
        long chars = 0;
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            String leaf = (String) r[1];
            String evidence = (String) r[3];
            chars += leaf.length() + (evidence == null ? 0 : evidence.length());
            if (!page.isEmpty() && chars > MAX_PAGE_CHARS) {
                break; // the page ends early; the reader continues after its last index
            }
            page.add(AuditEntryView.of(((Number) r[0]).longValue(), leaf,
                    StrictJson.parse(leaf, CanonicalJson.MAX_DEPTH) instanceof Map<?, ?> m ? m : Map.of(), (String) r[2], evidence));
        }
        return page;
    }

    @Override
    public InclusionProofView inclusion(Caller caller, long index, long size) {
        JpaAuditStore store = store();
        long current = store.size();
        if (index < 0 || index >= size || size > current) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "Need 0 <= index < size <= " + current + ".");
        }
        if (!isAuditor(caller)) {
            List<?> own = em.createNativeQuery("select idx from audit_entry where idx = ?1 and actor_org = ?2")
                    .setParameter(1, index).setParameter(2, caller.organization().value()).getResultList();
            if (own.isEmpty()) {
                throw HubException.notFound("Entry"); // another party's entry: never confirm it exists
            }
        }
        List<byte[]> read = AuditTree.leafHashAndInclusionProof(store, index, size);
        return new InclusionProofView(index, size, B64.encodeToString(read.get(0)), base64(read.subList(1, read.size())));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // a long read, no transaction to time out
    public FsckReport fsck(Caller caller) {
        if (!caller.isOperator() && caller.channel() != Caller.Channel.SYSTEM && !isAuditor(caller)) {
            throw new HubException(ProblemType.FORBIDDEN, "Only the hub operator or an auditor may do this.");
        }
        return LogCheck.run(store(), SignedNote.VerifierKey.parse(verifierKey()));
    }

    @Override
    public List<org.electionpool.hub.api.audit.CheckpointView> checkpoints(Long beforeSize, int limit) {
        if (limit < 1 || limit > 100 || (beforeSize != null && beforeSize < 0)) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "Need 1 <= limit <= 100 and before >= 0.");
        }
        List<org.electionpool.hub.api.audit.CheckpointView> out = new java.util.ArrayList<>();
        jakarta.persistence.Query query = em.createNativeQuery("select size, created_at, note from audit_checkpoint"
                + (beforeSize == null ? "" : " where size < ?1") + " order by size desc").setMaxResults(limit);
        if (beforeSize != null) {
            query.setParameter(1, beforeSize);
        }
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            out.add(new org.electionpool.hub.api.audit.CheckpointView(((Number) r[0]).longValue(),
                    org.electionpool.hub.system.SqlValues.instant(r[1]), (String) r[2]));
        }
        return out;
    }

    @Override
    public ConsistencyProofView consistency(long from, long to) {
        JpaAuditStore store = store();
        long size = store.size();
        if (from < 0 || from > to || to > size) {
            throw new HubException(ProblemType.INVALID_PARAMETER,
                    "Need 0 <= from <= to <= " + size + " (the current tree size).");
        }
        return new ConsistencyProofView(from, to, base64(AuditTree.consistencyProof(store, from, to)));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditBundle bundle(Caller caller, AuditContext context, String targetType, String targetId) {
        Authorization.requireSameActor(caller, context);
        requireAuditor(caller);
        long about = ((Number) em.createNativeQuery("select count(*) from audit_entry where target_type = ?1 and target_id = ?2")
                .setParameter(1, targetType).setParameter(2, targetId).getSingleResult()).longValue();
        if (about == 0) {
            throw HubException.notFound("Audit target");
        }
        if (about >= MAX_BUNDLE) { // never a silently shortened bundle
            throw new HubException(ProblemType.CONFLICT, "More than " + MAX_BUNDLE + " entries are about this target;"
                    + " verify it through an export or page through entries and inclusion proofs.");
        }
        // The read is recorded and committed first; everything up to its own entry is immutable,
        // so the bundle is assembled without holding the log's head lock.
        // The bundle is of the tree the read's own batch produced: its checkpoint is stored.
        long size = integrated(auditLog.appendNow(new AuditEvent(context, AuditAction.AUDIT_BUNDLE_READ, targetType,
                targetId, Map.of()))).size();
        List<?> rows = em.createNativeQuery("select idx, leaf, leaf_hash, evidence from audit_entry"
                        + " where target_type = ?1 and target_id = ?2 and idx < ?3 order by idx")
                .setParameter(1, targetType).setParameter(2, targetId).setParameter(3, size)
                .setMaxResults(MAX_BUNDLE).getResultList();
        JpaAuditStore store = store();
        List<AuditBundle.Entry> entries = new java.util.ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            long index = ((Number) r[0]).longValue();
            entries.add(new AuditBundle.Entry(index, B64.encodeToString(((String) r[1]).getBytes(StandardCharsets.UTF_8)),
                    (String) r[2], base64(AuditTree.inclusionProof(store, index, size)), (String) r[3]));
        }
        return assemble("bundle", size, new AuditBundle.Target(targetType, targetId), entries);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditBundle export(Caller caller, AuditContext context, Long requestedSize) {
        Authorization.requireSameActor(caller, context);
        requireAuditor(caller);
        JpaAuditStore store = store();
        long current = store.size();
        if (requestedSize != null && (requestedSize < 0 || requestedSize > current)) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "Need 0 <= size <= " + current + " (the current tree size).");
        }
        if ((requestedSize == null ? current + 1 : requestedSize) > MAX_EXPORT) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "An export holds at most " + MAX_EXPORT
                    + " entries; ask for a smaller size, or verify larger logs page by page (docs/audit-log.md).");
        }
        long upTo = requestedSize == null ? current : requestedSize;
        long chars = ((Number) em.createNativeQuery("select coalesce(sum(length(leaf)), 0)"
                        + " + coalesce(sum(length(evidence)), 0) from audit_entry where idx < ?1")
                .setParameter(1, upTo).getSingleResult()).longValue();
        if (chars > MAX_EXPORT_CHARS) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "That export would hold " + chars / (1024 * 1024)
                    + " MiB; ask for a smaller size, or verify page by page through entries and inclusion proofs.");
        }
        long readSize = integrated(auditLog.appendNow(new AuditEvent(context, AuditAction.AUDIT_EXPORT_READ, "audit_log",
                null, requestedSize == null ? Map.of() : Map.of("size", requestedSize)))).size();
        long size = requestedSize == null ? readSize : requestedSize;
        List<AuditBundle.Entry> entries = new java.util.ArrayList<>();
        for (long from = 0; from < size; from += EXPORT_BATCH) {
            for (org.electionpool.hub.audit.domain.AuditStore.EntryRow r : store.entries(from, Math.min(size, from + EXPORT_BATCH))) {
                entries.add(new AuditBundle.Entry(r.index(), B64.encodeToString(r.leaf().getBytes(StandardCharsets.UTF_8)),
                        r.leafHash(), null, r.evidence()));
            }
        }
        return assemble("export", size, null, entries);
    }

    /** @return the read's receipt: the read is integrated, so everything up to its batch's size is immutable */
    private static ReceiptView integrated(org.electionpool.hub.audit.AuditHandle read) {
        return read.receipt().orElseThrow(() -> new HubException(ProblemType.SERVICE_UNAVAILABLE,
                "The audit log did not record this read in time; try again shortly."));
    }

    /**
     * @return the checkpoint of {@code size}: the stored one where a batch ended there, else one
     *         signed now over the root the stored subtrees give (ADR 0011: checkpoints are stored per
     *         batch, and a checkpoint only states a size and its root, whenever it is signed)
     */
    private String checkpointOf(long size) {
        if (size == 0) {
            return emptyCheckpoint();
        }
        String stored = store().checkpoint(size);
        if (stored != null) {
            return stored;
        }
        Checkpoint checkpoint = new Checkpoint(configuration.auditOrigin(), size, AuditTree.root(store(), size), List.of());
        KeyPair key = hubKeys.auditLogKey();
        return SignedNote.sign(checkpoint.body(), configuration.auditOrigin(), key.getPrivate(), key.getPublic());
    }

    private AuditBundle assemble(String kind, long size, AuditBundle.Target target, List<AuditBundle.Entry> entries) {
        String checkpoint = checkpointOf(size);
        java.util.TreeSet<String> actors = new java.util.TreeSet<>();
        boolean attested = false;
        for (AuditBundle.Entry entry : entries) {
            Object parsed = org.electionpool.hub.protocol.json.StrictJson.parse(
                    new String(B64D.decode(entry.leaf()), StandardCharsets.UTF_8), CanonicalJson.MAX_DEPTH);
            if (parsed instanceof Map<?, ?> leaf && leaf.get("actor_org") instanceof String actor) {
                actors.add(actor);
            }
            if (parsed instanceof Map<?, ?> leaf && "UI".equals(leaf.get("channel")) && entry.evidence() != null) {
                attested = true;
            }
        }
        Map<String, List<AuditBundle.Key>> keys = new java.util.TreeMap<>();
        for (String actor : actors) {
            keys.put(actor, organizationKeys.findAll(new OrganizationId(actor)).stream().map(k -> new AuditBundle.Key(
                    k.kid().value(), k.use().name().toLowerCase(java.util.Locale.ROOT), k.status().name(),
                    org.electionpool.hub.crypto.PublicKeys.toMap(k.jwk()), instant(k.createdAt()), instant(k.retiredAt()),
                    instant(k.revokedAt()))).toList());
        }
        if (attested) {
            // The hub's own signing keys check its attestations of persons' requests (reserved id "hub").
            keys.put(org.electionpool.hub.api.security.Caller.HUB.value(), hubKeys.publishedSigningKeys().stream()
                    .map(k -> new AuditBundle.Key(k.kid(), "sig", "ACTIVE", k.jwk(), publishedAt(k.kid()), null, null))
                    .toList());
        }
        return new AuditBundle(AuditBundle.FORMAT, kind, configuration.auditOrigin(), verifierKey(), checkpoint, size,
                target, entries, keys);
    }

    /** @return when the log first recorded the hub's key ({@code hub.key.published}), as its created_at */
    private String publishedAt(String kid) {
        List<?> at = em.createNativeQuery("select recorded_at from audit_entry where action = 'hub.key.published'"
                + " and target_id = ?1 order by idx").setParameter(1, kid).setMaxResults(1).getResultList();
        return at.isEmpty() ? null : instant(org.electionpool.hub.system.SqlValues.instant(at.get(0)));
    }

    private String verifierKey() {
        return SignedNote.verifierKey(configuration.auditOrigin(), SignedNote.rawKey(hubKeys.auditLogKey().getPublic()));
    }

    private static String instant(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(B64::encodeToString).toList();
    }

    /** An auditor organisation sees every entry; of its people, only those with the role AUDITOR. */
    private static boolean isAuditor(Caller caller) {
        return caller.kind() == OrganizationKind.AUDITOR && caller.has(Role.AUDITOR);
    }

    private static void requireAuditor(Caller caller) {
        if (!isAuditor(caller)) {
            throw new HubException(ProblemType.FORBIDDEN, "Only an auditor may do this.");
        }
    }
}
