package org.electionpool.hub.audit.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.audit.domain.AuditLeaf;
import org.electionpool.hub.audit.domain.AuditStore;
import org.electionpool.hub.audit.domain.PendingEntry;
import org.electionpool.hub.audit.domain.PendingRows;
import org.electionpool.hub.audit.domain.RefBlocks;
import org.electionpool.hub.audit.domain.NodeReads;

/**
 * The hub's {@link AuditStore}: native SQL on the JPA {@code EntityManager} (no entities: each
 * statement goes to the database as it is written here), in the caller's transaction. Subtree
 * hashes are read with a UNION ALL of primary-key lookups, {@value NodeReads#NODES_PER_QUERY} per
 * statement ({@link NodeReads}).
 */
final class JpaAuditStore implements AuditStore {

    /** This deployment's reference blocks: the hub has one database. */
    private static final RefBlocks REFS = new RefBlocks();


    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final EntityManager em;

    JpaAuditStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public long lockHead() {
        return ((Number) em.createNativeQuery("select size from audit_head where id = 1 for update")
                .getSingleResult()).longValue();
    }

    @Override
    public long size() {
        return ((Number) em.createNativeQuery("select size from audit_head where id = 1").getSingleResult()).longValue();
    }

    @Override
    public void insertEntries(List<AuditLeaf> entries, List<Long> refs) {
        for (int from = 0; from < entries.size(); from += PendingRows.ENTRIES_PER_STATEMENT) {
            int to = Math.min(entries.size(), from + PendingRows.ENTRIES_PER_STATEMENT);
            Query query = em.createNativeQuery(PendingRows.insertEntries(to - from, true));
            int p = 1;
            for (int i = from; i < to; i++) {
                AuditLeaf e = entries.get(i);
                query.setParameter(p++, e.index()).setParameter(p++, refs.get(i)).setParameter(p++, e.recordedAt())
                        .setParameter(p++, e.action()).setParameter(p++, new String(e.leaf(), StandardCharsets.UTF_8))
                        .setParameter(p++, B64.encodeToString(e.leafHash())).setParameter(p++, e.actorOrg())
                        .setParameter(p++, e.jti()).setParameter(p++, e.targetType()).setParameter(p++, e.targetId())
                        .setParameter(p++, e.evidence());
            }
            query.executeUpdate();
        }
    }

    @Override
    public long nextRef() {
        return REFS.next(() -> ((Number) em.createNativeQuery(PendingRows.NEXT_REF).getSingleResult()).longValue());
    }

    @Override
    public void insertPending(PendingEntry entry) {
        Object[] values = PendingRows.values(entry);
        Query query = em.createNativeQuery(PendingRows.INSERT_PENDING_JPA);
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        query.executeUpdate();
    }

    @Override
    public List<PendingEntry> pending(int limit) {
        List<?> result = em.createNativeQuery(PendingRows.SELECT_PENDING).setMaxResults(limit).getResultList();
        List<PendingEntry> entries = new ArrayList<>(result.size());
        for (Object row : result) {
            entries.add(PendingRows.entry((Object[]) row));
        }
        return entries;
    }

    @Override
    public void deletePending(Collection<Long> refs) {
        for (List<Long> chunk : PendingRows.chunks(refs)) {
            Query query = em.createNativeQuery(PendingRows.refList("delete from audit_pending where ref in (", chunk.size(), true) + ")");
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i));
            }
            query.executeUpdate();
        }
    }

    @Override
    public Map<Long, Long> indexesOf(Collection<Long> refs) {
        Map<Long, Long> indexes = new HashMap<>();
        for (List<Long> chunk : PendingRows.chunks(refs)) {
            Query query = em.createNativeQuery(PendingRows.refList("select ref, idx from audit_entry where ref in (", chunk.size(), true) + ")");
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i));
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                indexes.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            }
        }
        return indexes;
    }

    @Override
    public void insertNodes(Map<MerkleTree.NodeId, byte[]> nodes) {
        List<Map.Entry<MerkleTree.NodeId, byte[]>> all = new ArrayList<>(nodes.entrySet());
        for (int from = 0; from < all.size(); from += PendingRows.NODES_PER_STATEMENT) {
            Map<MerkleTree.NodeId, byte[]> chunk = new java.util.LinkedHashMap<>();
            for (Map.Entry<MerkleTree.NodeId, byte[]> e : all.subList(from, Math.min(all.size(), from + PendingRows.NODES_PER_STATEMENT))) {
                chunk.put(e.getKey(), e.getValue());
            }
            insertNodeRows(chunk);
        }
    }

    private void insertNodeRows(Map<MerkleTree.NodeId, byte[]> nodes) {
        // One multi-row insert per chunk (a batch of k entries completes at most 2k + log2(n) subtrees).
        StringBuilder sql = new StringBuilder("insert into audit_node (level, node_index, hash) values ");
        for (int i = 0; i < nodes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(3 * i + 1).append(", ?").append(3 * i + 2)
                    .append(", ?").append(3 * i + 3).append(')');
        }
        Query query = em.createNativeQuery(sql.toString());
        int i = 0;
        for (Map.Entry<MerkleTree.NodeId, byte[]> node : nodes.entrySet()) {
            query.setParameter(3 * i + 1, node.getKey().level()).setParameter(3 * i + 2, node.getKey().index())
                    .setParameter(3 * i + 3, B64.encodeToString(node.getValue()));
            i++;
        }
        query.executeUpdate();
    }

    @Override
    public Map<MerkleTree.NodeId, byte[]> nodes(Collection<MerkleTree.NodeId> ids) {
        Map<MerkleTree.NodeId, byte[]> stored = new HashMap<>();
        for (List<MerkleTree.NodeId> chunk : NodeReads.chunks(ids)) {
            Query query = em.createNativeQuery(NodeReads.unionAll(chunk.size(), true));
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(2 * i + 1, chunk.get(i).level()).setParameter(2 * i + 2, chunk.get(i).index());
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                stored.put(new MerkleTree.NodeId(((Number) r[0]).intValue(), ((Number) r[1]).longValue()),
                        B64D.decode((String) r[2]));
            }
        }
        return stored;
    }

    @Override
    public void updateHead(long size) {
        em.createNativeQuery("update audit_head set size = ?1 where id = 1").setParameter(1, size).executeUpdate();
    }

    @Override
    public void insertCheckpoint(long size, String note, Instant createdAt) {
        em.createNativeQuery("insert into audit_checkpoint (size, note, created_at) values (?1, ?2, ?3)")
                .setParameter(1, size).setParameter(2, note).setParameter(3, createdAt).executeUpdate();
    }

    @Override
    public List<EntryRow> entriesFrom(long from, int limit) {
        return rows(em.createNativeQuery("select idx, leaf, leaf_hash, evidence from audit_entry where idx >= ?1 order by idx")
                .setParameter(1, from).setMaxResults(limit).getResultList());
    }

    @Override
    public List<EntryRow> entries(long from, long to) {
        return rows(em.createNativeQuery("select idx, leaf, leaf_hash, evidence from audit_entry"
                        + " where idx >= ?1 and idx < ?2 order by idx")
                .setParameter(1, from).setParameter(2, to).getResultList());
    }

    static List<EntryRow> rows(List<?> result) {
        List<EntryRow> rows = new ArrayList<>(result.size());
        for (Object row : result) {
            Object[] r = (Object[]) row;
            rows.add(new EntryRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]));
        }
        return rows;
    }

    @Override
    public Map<Long, byte[]> nodesAtLevel(int level, long first, long last) {
        Map<Long, byte[]> nodes = new HashMap<>();
        for (Object row : em.createNativeQuery("select node_index, hash from audit_node where level = ?1"
                        + " and node_index >= ?2 and node_index <= ?3")
                .setParameter(1, level).setParameter(2, first).setParameter(3, last).getResultList()) {
            Object[] r = (Object[]) row;
            nodes.put(((Number) r[0]).longValue(), B64D.decode((String) r[1]));
        }
        return nodes;
    }

    @Override
    public Map<Long, String> checkpoints(long after, long upTo) {
        Map<Long, String> notes = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("select size, note from audit_checkpoint where size > ?1 and size <= ?2")
                .setParameter(1, after).setParameter(2, upTo).getResultList()) {
            Object[] r = (Object[]) row;
            notes.put(((Number) r[0]).longValue(), (String) r[1]);
        }
        return notes;
    }

    @Override
    public String checkpoint(long size) {
        List<?> notes = em.createNativeQuery("select note from audit_checkpoint where size = ?1").setParameter(1, size)
                .getResultList();
        return notes.isEmpty() ? null : (String) notes.get(0);
    }

    @Override
    public long[] tail(long size) {
        Object[] tail = (Object[]) em.createNativeQuery("select (select count(*) from audit_entry where idx >= ?1),"
                        + " (select count(*) from audit_checkpoint where size > ?1),"
                        + " (select count(*) from audit_checkpoint where size >= 1 and size <= ?1),"
                        + " (select count(*) from audit_node where level = 0 and node_index >= ?1)")
                .setParameter(1, size).getSingleResult();
        return new long[] {((Number) tail[0]).longValue(), ((Number) tail[1]).longValue(), ((Number) tail[2]).longValue(),
                ((Number) tail[3]).longValue()};
    }

    @Override
    public List<Long> checkpointSizes(long upTo) {
        List<Long> sizes = new ArrayList<>();
        for (Object s : em.createNativeQuery("select size from audit_checkpoint where size >= 1 and size <= ?1 order by size")
                .setParameter(1, upTo).getResultList()) {
            sizes.add(((Number) s).longValue());
        }
        return sizes;
    }
}
