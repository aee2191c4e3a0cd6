package org.electionpool.hub.audit.internal;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.AuditBundle;
import org.electionpool.hub.api.audit.AuditEntryView;
import org.electionpool.hub.api.audit.ReceiptView;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.audit.AuditService;
import org.electionpool.hub.api.audit.InclusionProofView;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.electionpool.hub.protocol.json.StrictJson;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.api.audit.ConsistencyProofView;
import org.electionpool.hub.api.audit.FsckReport;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.audit.domain.AuditLeaf;
import org.electionpool.hub.audit.domain.LogScan;
import org.electionpool.hub.audit.domain.NodeKey;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.crypto.HubKeys;
import org.electionpool.hub.system.HubConfiguration;

/**
 * Appends entries to the audit log and answers the public checkpoint and consistency requests.
 *
 * <p>Invariant: indexes are 0, 1, 2, … without gaps, across all nodes. {@link #append} runs in the
 * caller's transaction ({@code MANDATORY}) and starts by locking the single head row
 * ({@code select … for update}), so concurrent appends — on this node or another one on the same
 * database — queue, and a rolled-back change takes its entry with it. Each append stores the leaf,
 * the complete-subtree hashes it completes (O(log n) writes) and a checkpoint signed with the hub's
 * Ed25519 log key (C2SP signed note).
 */
@Stateless
@LocalBean
@jakarta.ejb.Local({AuditService.class, org.electionpool.hub.audit.AuditLog.class})
public class AuditLogBean implements AuditService, org.electionpool.hub.audit.AuditLog {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final java.security.SecureRandom NONCES = new java.security.SecureRandom();

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    HubKeys hubKeys;

    @Inject
    HubConfiguration configuration;

    @Inject
    Clock clock;

    @Inject
    org.electionpool.hub.organizations.domain.OrganizationKeyRepository organizationKeys;

    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext session;

    /**
     * Appends one entry in the caller's transaction.
     *
     * <p>The leaf (RFC 8785 canonical JSON) holds {@code index}, {@code timestamp}, {@code action},
     * {@code channel} and — when known — {@code actor_org}, {@code actor_principal},
     * {@code target_type}, {@code target_id}, {@code jti}, {@code body_sha256},
     * {@code evidence_sha256} (SHA-256 of the sender's compact JWS, which is stored beside the
     * leaf) and {@code details}. Absent values are left out, never {@code null}.
     *
     * @param context    who acted, through which signed message
     * @param action     the action, e.g. {@code organization.created}
     * @param targetType what the action is about ({@code organization}, {@code organization_key},
     *                   {@code case} …), or {@code null}
     * @param targetId   the target's id, or {@code null}
     * @param details    action-specific members (strings, numbers, booleans, nested maps); never
     *                   the request payload, which the evidence already holds
     * @return the new entry's index
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long append(AuditContext context, String action, String targetType, String targetId,
                       Map<String, Object> details) {
        long index = ((Number) em.createNativeQuery("select size from audit_head where id = 1 for update")
                .getSingleResult()).longValue();
        Instant now = clock.instant();
        byte[] nonce = new byte[AuditLeaf.NONCE_BYTES];
        NONCES.nextBytes(nonce);
        AuditLeaf built = AuditLeaf.build(index, now, context, action, targetType, targetId, details, nonce);
        byte[] leaf = built.leaf();
        byte[] leafHash = built.leafHash();
        String actor = built.actorOrg();
        String evidence = built.evidence();
        em.createNativeQuery("insert into audit_entry (idx, recorded_at, action, leaf, leaf_hash, actor_org, jti,"
                        + " target_type, target_id, evidence) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, index).setParameter(2, now).setParameter(3, action)
                .setParameter(4, new String(leaf, StandardCharsets.UTF_8)).setParameter(5, B64.encodeToString(leafHash))
                .setParameter(6, actor).setParameter(7, context.jti()).setParameter(8, targetType)
                .setParameter(9, targetId).setParameter(10, evidence)
                .executeUpdate();
        storeNode(0, index, leafHash);
        byte[] hash = leafHash;
        for (int level = 1; ((index + 1) & ((1L << level) - 1)) == 0; level++) {
            long node = index >> level;
            hash = MerkleTree.hashChildren(node(level - 1, 2 * node), hash);
            storeNode(level, node, hash);
        }
        long size = index + 1;
        em.createNativeQuery("update audit_head set size = ?1 where id = 1").setParameter(1, size).executeUpdate();
        em.createNativeQuery("insert into audit_checkpoint (size, note, created_at) values (?1, ?2, ?3)")
                .setParameter(1, size).setParameter(2, sign(size)).setParameter(3, now).executeUpdate();
        return index;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public org.electionpool.hub.audit.AuditHandle append(org.electionpool.hub.audit.AuditEvent event) {
        return new org.electionpool.hub.audit.AuditHandle(append(event.context(), event.action().action(), event.targetType(),
                event.targetId(), event.details()));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public org.electionpool.hub.audit.AuditHandle appendNow(org.electionpool.hub.audit.AuditEvent event) {
        return append(event);
    }

    /**
     * {@link #append} in a transaction of its own, committed when this returns: for records that
     * must outlive the caller's work (refusals, reads).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long appendNow(AuditContext context, String action, String targetType, String targetId,
                          Map<String, Object> details) {
        return append(context, action, targetType, targetId, details);
    }

    /** Most leaf and evidence characters one entries page returns; the page ends early beyond it. */
    static final long MAX_PAGE_CHARS = 8L * 1024 * 1024;

    /** Most leaf and evidence characters one export holds. */
    static final long MAX_EXPORT_CHARS = 64L * 1024 * 1024;

    private String sign(long size) {
        Checkpoint checkpoint = new Checkpoint(configuration.auditOrigin(), size, withStoredNodes(nodes -> MerkleTree.root(nodes, size)),
                List.of());
        KeyPair key = hubKeys.auditLogKey();
        return SignedNote.sign(checkpoint.body(), configuration.auditOrigin(), key.getPrivate(), key.getPublic());
    }

    private void storeNode(int level, long index, byte[] hash) {
        em.createNativeQuery("insert into audit_node (level, node_index, hash) values (?1, ?2, ?3)")
                .setParameter(1, level).setParameter(2, index).setParameter(3, B64.encodeToString(hash)).executeUpdate();
    }

    /**
     * Runs a tree computation (root, inclusion or consistency proof) with every stored subtree hash
     * it needs read in one query instead of one round trip each. Which subtrees RFC 9162 §2.1's
     * algorithms ask for depends only on sizes and indices, never on hash values, so a dry run with
     * placeholder hashes names them all first.
     *
     * @throws jakarta.persistence.NoResultException if a needed subtree hash is not stored
     */
    private <T> T withStoredNodes(java.util.function.Function<MerkleTree.Nodes, T> computation) {
        java.util.Set<Long> wanted = new java.util.LinkedHashSet<>();
        byte[] placeholder = new byte[MerkleTree.HASH_SIZE];
        computation.apply((level, index) -> {
            wanted.add(NodeKey.of(level, index));
            return placeholder;
        });
        java.util.Map<Long, byte[]> stored = new java.util.HashMap<>();
        List<Long> keys = new java.util.ArrayList<>(wanted);
        for (int from = 0; from < keys.size(); from += NODES_PER_QUERY) {
            List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + NODES_PER_QUERY));
            // UNION ALL of primary-key lookups: H2 answers an OR of (level, node_index) pairs with a
            // table scan, PostgreSQL and H2 both answer each branch from the primary key.
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : " union all ").append("select level, node_index, hash from audit_node where level = ?")
                        .append(2 * i + 1).append(" and node_index = ?").append(2 * i + 2);
            }
            jakarta.persistence.Query query = em.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(2 * i + 1, NodeKey.level(chunk.get(i))).setParameter(2 * i + 2, NodeKey.index(chunk.get(i)));
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                stored.put(NodeKey.of(((Number) r[0]).intValue(), ((Number) r[1]).longValue()), B64D.decode((String) r[2]));
            }
        }
        // A hash the dry run did not name (it cannot today) is read on its own rather than trusted
        // to the assumption; a hash that is not stored fails the read with NoResultException.
        return computation.apply((level, index) -> {
            byte[] hash = stored.get(NodeKey.of(level, index));
            return hash != null ? hash : node(level, index);
        });
    }

    /** Most (level, index) pairs one query asks for. */
    static final int NODES_PER_QUERY = 64;

    private byte[] node(int level, long index) {
        Object hash = em.createNativeQuery("select hash from audit_node where level = ?1 and node_index = ?2")
                .setParameter(1, level).setParameter(2, index).getSingleResult();
        return B64D.decode((String) hash);
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

    /** Most entries one call returns. */
    static final int MAX_ENTRIES = 1000;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<AuditEntryView> entries(Caller caller, AuditContext context, long from, long to) {
        long size = size();
        if (from < 0 || from > to || to > size || to - from > MAX_ENTRIES) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "Need 0 <= from <= to <= " + size
                    + " (the current tree size) and at most " + MAX_ENTRIES + " entries per call.");
        }
        self().appendNow(context, "audit.entries.read", "audit_log", null, Map.of("from", from, "to", to));
        boolean all = caller.kind() == OrganizationKind.AUDITOR;
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
            page.add(AuditEntryView.of(((Number) r[0]).longValue(), leaf, StrictJson.parse(leaf, CanonicalJson.MAX_DEPTH) instanceof Map<?, ?> m
                    ? m : Map.of(), (String) r[2], evidence));
        }
        return page;
    }

    @Override
    public InclusionProofView inclusion(Caller caller, long index, long size) {
        long current = size();
        if (index < 0 || index >= size || size > current) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "Need 0 <= index < size <= " + current + ".");
        }
        if (caller.kind() != OrganizationKind.AUDITOR) {
            List<?> own = em.createNativeQuery("select idx from audit_entry where idx = ?1 and actor_org = ?2")
                    .setParameter(1, index).setParameter(2, caller.organization().value()).getResultList();
            if (own.isEmpty()) {
                throw HubException.notFound("Entry"); // another party's entry: never confirm it exists
            }
        }
        return new InclusionProofView(index, size, B64.encodeToString(node(0, index)),
                base64(withStoredNodes(nodes -> MerkleTree.inclusionProof(nodes, index, size))));
    }

    /** Entries read per batch during {@link #fsck()}. */
    static final int FSCK_BATCH = 1000;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // a long read, no transaction to time out
    public FsckReport fsck(Caller caller) {
        if (!caller.isOperator() && caller.channel() != Caller.Channel.SYSTEM) {
            throw new HubException(ProblemType.FORBIDDEN, "Only the hub operator may do this.");
        }
        long size = size();
        SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(SignedNote.verifierKey(configuration.auditOrigin(),
                SignedNote.rawKey(hubKeys.auditLogKey().getPublic())));
        LogScan scan = new LogScan(key);
        while (scan.next() < size) {
            long from = scan.next();
            List<?> rows = em.createNativeQuery("select idx, leaf, leaf_hash, evidence from audit_entry where idx >= ?1 order by idx")
                    .setParameter(1, from).setMaxResults(FSCK_BATCH).getResultList();
            if (rows.isEmpty()) {
                return bad(size, from, scan.checkpointsChecked(), from, "entry missing");
            }
            java.util.Map<Long, byte[]> nodes = nodesCompletedIn(from, from + rows.size());
            java.util.Map<Long, String> notes = new java.util.HashMap<>();
            for (Object row : em.createNativeQuery("select size, note from audit_checkpoint where size > ?1 and size <= ?2")
                    .setParameter(1, from).setParameter(2, from + FSCK_BATCH).getResultList()) {
                Object[] r = (Object[]) row;
                notes.put(((Number) r[0]).longValue(), (String) r[1]);
            }
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                long index = scan.next();
                if (((Number) r[0]).longValue() != index) {
                    return bad(size, index, scan.checkpointsChecked(), index, "entry missing");
                }
                String problem = scan.accept(((String) r[1]).getBytes(StandardCharsets.UTF_8), (String) r[2], (String) r[3],
                        (level, node) -> nodes.get(NodeKey.of(level, node)), notes.get(index + 1));
                if (problem != null) {
                    return bad(size, index, scan.checkpointsChecked(), index, problem);
                }
            }
        }
        long expected = scan.next();
        long checkpoints = scan.checkpointsChecked();
        // Nothing beyond the head, nothing missing at its end: a truncated log (entries deleted and
        // the head lowered) or a head moved on its own is a failure too.
        Object[] tail = (Object[]) em.createNativeQuery("select (select count(*) from audit_entry where idx >= ?1),"
                        + " (select count(*) from audit_checkpoint where size > ?1),"
                        + " (select count(*) from audit_checkpoint where size >= 1 and size <= ?1),"
                        + " (select count(*) from audit_node where level = 0 and node_index >= ?1)")
                .setParameter(1, size).getSingleResult();
        String beyond = LogScan.tailProblem(size, ((Number) tail[0]).longValue(), ((Number) tail[3]).longValue(),
                ((Number) tail[1]).longValue());
        if (beyond != null) {
            return bad(size, expected, checkpoints, size, beyond);
        }
        if (((Number) tail[2]).longValue() != size) {
            return bad(size, expected, checkpoints, firstMissingCheckpoint(size), "a checkpoint is missing");
        }
        return new FsckReport(size, expected, checkpoints, true, null, null);
    }

    private long firstMissingCheckpoint(long size) {
        long expected = 1;
        for (Object s : em.createNativeQuery("select size from audit_checkpoint where size >= 1 and size <= ?1 order by size")
                .setParameter(1, size).getResultList()) {
            if (((Number) s).longValue() != expected) {
                break;
            }
            expected++;
        }
        return expected - 1; // the index of the entry whose checkpoint is missing
    }

    /**
     * The stored subtree hashes that complete at a leaf index in [from, to): one range query per
     * level, so the check reads O(log n) rows per batch of entries, not one query per node.
     *
     * @return (level, node index) → hash, keyed by {@link NodeKey}
     */
    private java.util.Map<Long, byte[]> nodesCompletedIn(long from, long to) {
        java.util.Map<Long, byte[]> nodes = new java.util.HashMap<>();
        for (int level = 0; level < 62 && (1L << level) <= to; level++) {
            long[] span = LogScan.nodesCompletedIn(level, from, to);
            if (span == null) {
                continue;
            }
            for (Object row : em.createNativeQuery("select node_index, hash from audit_node where level = ?1"
                            + " and node_index >= ?2 and node_index <= ?3")
                    .setParameter(1, level).setParameter(2, span[0]).setParameter(3, span[1]).getResultList()) {
                Object[] r = (Object[]) row;
                nodes.put(NodeKey.of(level, ((Number) r[0]).longValue()), B64D.decode((String) r[1]));
            }
        }
        return nodes;
    }

    private static FsckReport bad(long size, long checked, long checkpoints, long index, String problem) {
        return new FsckReport(size, checked, checkpoints, false, index, problem);
    }

    private long size() {
        return ((Number) em.createNativeQuery("select size from audit_head where id = 1").getSingleResult()).longValue();
    }

    @Override
    public ConsistencyProofView consistency(long from, long to) {
        long size = size();
        if (from < 0 || from > to || to > size) {
            throw new HubException(ProblemType.INVALID_PARAMETER,
                    "Need 0 <= from <= to <= " + size + " (the current tree size).");
        }
        return new ConsistencyProofView(from, to, withStoredNodes(nodes -> MerkleTree.consistencyProof(nodes, from, to)).stream()
                .map(B64::encodeToString).toList());
    }
    @Override
    public java.util.Optional<ReceiptView> receipt(OrganizationId actor, String jti, Instant receivedAt) {
        List<?> found = em.createNativeQuery("select max(idx) from audit_entry where actor_org = ?1 and jti = ?2"
                        + " and recorded_at >= ?3")
                .setParameter(1, actor.value()).setParameter(2, jti).setParameter(3, receivedAt).getResultList();
        if (found.isEmpty() || found.get(0) == null) {
            return java.util.Optional.empty();
        }
        long index = ((Number) found.get(0)).longValue();
        long size = index + 1;
        Object[] row = (Object[]) em.createNativeQuery("select e.leaf, c.note from audit_entry e, audit_checkpoint c"
                        + " where e.idx = ?1 and c.size = ?2")
                .setParameter(1, index).setParameter(2, size).getSingleResult();
        byte[] leaf = ((String) row[0]).getBytes(StandardCharsets.UTF_8);
        return java.util.Optional.of(new ReceiptView(index, B64.encodeToString(leaf), B64.encodeToString(node(0, index)),
                size, base64(withStoredNodes(nodes -> MerkleTree.inclusionProof(nodes, index, size))), (String) row[1]));
    }

    /** Most entries one bundle holds. */
    static final int MAX_BUNDLE = 10_000;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditBundle bundle(Caller caller, AuditContext context, String targetType, String targetId) {
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
        long readIndex = self().appendNow(context, "audit.bundle.read", targetType, targetId, Map.of());
        long size = readIndex + 1;
        List<?> rows = em.createNativeQuery("select idx, leaf, leaf_hash, evidence from audit_entry"
                        + " where target_type = ?1 and target_id = ?2 and idx < ?3 order by idx")
                .setParameter(1, targetType).setParameter(2, targetId).setParameter(3, size)
                .setMaxResults(MAX_BUNDLE).getResultList();
        List<AuditBundle.Entry> entries = new java.util.ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            long index = ((Number) r[0]).longValue();
            entries.add(new AuditBundle.Entry(index, B64.encodeToString(((String) r[1]).getBytes(StandardCharsets.UTF_8)),
                    (String) r[2], base64(withStoredNodes(nodes -> MerkleTree.inclusionProof(nodes, index, size))), (String) r[3]));
        }
        return assemble("bundle", size, new AuditBundle.Target(targetType, targetId), entries);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditBundle export(Caller caller, AuditContext context, Long requestedSize) {
        requireAuditor(caller);
        long current = size();
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
        long readIndex = self().appendNow(context, "audit.export.read", "audit_log", null,
                requestedSize == null ? Map.of() : Map.of("size", requestedSize));
        long size = requestedSize == null ? readIndex + 1 : requestedSize;
        List<AuditBundle.Entry> entries = new java.util.ArrayList<>();
        for (long from = 0; from < size; from += FSCK_BATCH) {
            for (Object row : em.createNativeQuery("select idx, leaf, leaf_hash, evidence from audit_entry"
                            + " where idx >= ?1 and idx < ?2 order by idx")
                    .setParameter(1, from).setParameter(2, Math.min(size, from + FSCK_BATCH)).getResultList()) {
                Object[] r = (Object[]) row;
                entries.add(new AuditBundle.Entry(((Number) r[0]).longValue(),
                        B64.encodeToString(((String) r[1]).getBytes(StandardCharsets.UTF_8)), (String) r[2], null,
                        (String) r[3]));
            }
        }
        return assemble("export", size, null, entries);
    }

    private AuditBundle assemble(String kind, long size, AuditBundle.Target target, List<AuditBundle.Entry> entries) {
        String checkpoint = size == 0 ? emptyCheckpoint() : (String) em.createNativeQuery(
                "select note from audit_checkpoint where size = ?1").setParameter(1, size).getSingleResult();
        java.util.TreeSet<String> actors = new java.util.TreeSet<>();
        for (AuditBundle.Entry entry : entries) {
            Object parsed = org.electionpool.hub.protocol.json.StrictJson.parse(
                    new String(B64D.decode(entry.leaf()), StandardCharsets.UTF_8), CanonicalJson.MAX_DEPTH);
            if (parsed instanceof Map<?, ?> leaf && leaf.get("actor_org") instanceof String actor) {
                actors.add(actor);
            }
        }
        Map<String, List<AuditBundle.Key>> keys = new java.util.TreeMap<>();
        for (String actor : actors) {
            keys.put(actor, organizationKeys.findAll(new OrganizationId(actor)).stream().map(k -> new AuditBundle.Key(
                    k.kid().value(), k.use().name().toLowerCase(java.util.Locale.ROOT), k.status().name(),
                    org.electionpool.hub.crypto.PublicKeys.toMap(k.jwk()), instant(k.createdAt()), instant(k.retiredAt()),
                    instant(k.revokedAt()))).toList());
        }
        return new AuditBundle(AuditBundle.FORMAT, kind, configuration.auditOrigin(), verifierKey(), checkpoint, size,
                target, entries, keys);
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

    private static void requireAuditor(Caller caller) {
        if (caller.kind() != OrganizationKind.AUDITOR) {
            throw new HubException(ProblemType.FORBIDDEN, "Only an auditor may do this.");
        }
    }

    private AuditLogBean self() {
        return session.getBusinessObject(AuditLogBean.class);
    }
}
