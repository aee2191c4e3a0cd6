package org.electionpool.hub.audit.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * An {@link AuditStore} over a plain {@link Connection}, for hub-bench's tools and the unit tests:
 * the statements of the hub's own store (audit.internal's {@code JpaAuditStore}) with JDBC
 * placeholders, each prepared on every use as the hub's native queries are. The algorithm that runs
 * over it is the hub's ({@code audit.domain}); only the binding differs.
 *
 * <p>Invariant: it runs in the connection's transaction and never commits; it stores and returns the
 * RFC 9162 §2.1 hashes it is given as they are (standard base64 in the tables), never computing one; it counts the
 * statements it sends ({@link #statements}) and the subtree hashes it reads ({@link #hashes}).
 * {@link SQLException}s surface as {@link IllegalStateException}. Not thread-safe: one per connection.
 */
public final class JdbcAuditStore implements AuditStore {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Connection connection;
    /** This store's reference blocks (one store, one database). */
    private final RefBlocks refs = new RefBlocks();
    private long statements;
    private long hashes;

    /** @param connection the connection, in the caller's transaction (auto-commit off for appends) */
    public JdbcAuditStore(Connection connection) {
        this.connection = connection;
    }

    /** @return statements sent so far (commits not counted) */
    public long statements() {
        return statements;
    }

    /** @return subtree hashes read so far by {@link #nodes} */
    public long hashes() {
        return hashes;
    }

    @Override
    public long lockHead() {
        return single("select size from audit_head where id = 1 for update");
    }

    @Override
    public long size() {
        return single("select size from audit_head where id = 1");
    }

    @Override
    public void insertEntries(List<AuditLeaf> entries, List<Long> refs) {
        for (int from = 0; from < entries.size(); from += PendingRows.ENTRIES_PER_STATEMENT) {
            int to = Math.min(entries.size(), from + PendingRows.ENTRIES_PER_STATEMENT);
            List<Object> parameters = new ArrayList<>();
            for (int i = from; i < to; i++) {
                AuditLeaf e = entries.get(i);
                parameters.addAll(java.util.Arrays.asList(e.index(), refs.get(i),
                        OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC), e.action(),
                        new String(e.leaf(), StandardCharsets.UTF_8), B64.encodeToString(e.leafHash()), e.actorOrg(), e.jti(),
                        e.targetType(), e.targetId(), e.evidence()));
            }
            update(PendingRows.insertEntries(to - from, false), parameters.toArray());
        }
    }

    @Override
    public long nextRef() {
        return refs.next(() -> single(PendingRows.NEXT_REF));
    }

    @Override
    public void insertPending(PendingEntry entry) {
        Object[] values = PendingRows.values(entry);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof java.time.Instant instant) {
                values[i] = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
        }
        update(PendingRows.INSERT_PENDING_JDBC, values);
    }

    @Override
    public List<PendingEntry> pending(int limit) {
        List<PendingEntry> entries = new ArrayList<>();
        for (Object[] r : query(PendingRows.SELECT_PENDING + " limit " + Math.max(1, limit))) {
            entries.add(PendingRows.entry(r));
        }
        return entries;
    }

    @Override
    public void deletePending(Collection<Long> refs) {
        for (List<Long> chunk : PendingRows.chunks(refs)) {
            update(PendingRows.refList("delete from audit_pending where ref in (", chunk.size(), false) + ")", chunk.toArray());
        }
    }

    @Override
    public Map<Long, Long> indexesOf(Collection<Long> refs) {
        Map<Long, Long> indexes = new HashMap<>();
        for (List<Long> chunk : PendingRows.chunks(refs)) {
            for (Object[] r : query(PendingRows.refList("select ref, idx from audit_entry where ref in (", chunk.size(), false)
                    + ")", chunk.toArray())) {
                indexes.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            }
        }
        return indexes;
    }

    @Override
    public void insertNodes(Map<MerkleTree.NodeId, byte[]> nodes) {
        List<Map.Entry<MerkleTree.NodeId, byte[]>> all = new ArrayList<>(nodes.entrySet());
        for (int from = 0; from < all.size(); from += PendingRows.NODES_PER_STATEMENT) {
            insertNodeRows(all.subList(from, Math.min(all.size(), from + PendingRows.NODES_PER_STATEMENT)));
        }
    }

    private void insertNodeRows(List<Map.Entry<MerkleTree.NodeId, byte[]>> nodes) {
        StringBuilder sql = new StringBuilder("insert into audit_node (level, node_index, hash) values ");
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<MerkleTree.NodeId, byte[]> node : nodes) {
            sql.append(parameters.isEmpty() ? "" : ", ").append("(?, ?, ?)");
            parameters.add(node.getKey().level());
            parameters.add(node.getKey().index());
            parameters.add(B64.encodeToString(node.getValue()));
        }
        update(sql.toString(), parameters.toArray());
    }

    @Override
    public Map<MerkleTree.NodeId, byte[]> nodes(Collection<MerkleTree.NodeId> ids) {
        Map<MerkleTree.NodeId, byte[]> stored = new HashMap<>();
        for (List<MerkleTree.NodeId> chunk : NodeReads.chunks(ids)) {
            Object[] parameters = new Object[2 * chunk.size()];
            for (int i = 0; i < chunk.size(); i++) {
                parameters[2 * i] = chunk.get(i).level();
                parameters[2 * i + 1] = chunk.get(i).index();
            }
            for (Object[] r : query(NodeReads.unionAll(chunk.size(), false), parameters)) {
                hashes++;
                stored.put(new MerkleTree.NodeId(((Number) r[0]).intValue(), ((Number) r[1]).longValue()),
                        B64D.decode((String) r[2]));
            }
        }
        return stored;
    }

    @Override
    public void updateHead(long size) {
        update("update audit_head set size = ? where id = 1", size);
    }

    @Override
    public void insertCheckpoint(long size, String note, Instant createdAt) {
        update("insert into audit_checkpoint (size, note, created_at) values (?, ?, ?)", size, note,
                OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
    }

    @Override
    public List<EntryRow> entriesFrom(long from, int limit) {
        return entryRows(query("select idx, leaf, leaf_hash, evidence from audit_entry where idx >= ?"
                + " order by idx fetch first ? rows only", from, limit));
    }

    @Override
    public List<EntryRow> entries(long from, long to) {
        return entryRows(query("select idx, leaf, leaf_hash, evidence from audit_entry where idx >= ? and idx < ?"
                + " order by idx", from, to));
    }

    private static List<EntryRow> entryRows(List<Object[]> rows) {
        List<EntryRow> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new EntryRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]));
        }
        return out;
    }

    @Override
    public Map<Long, byte[]> nodesAtLevel(int level, long first, long last) {
        Map<Long, byte[]> nodes = new HashMap<>();
        for (Object[] r : query("select node_index, hash from audit_node where level = ? and node_index >= ?"
                + " and node_index <= ?", level, first, last)) {
            nodes.put(((Number) r[0]).longValue(), B64D.decode((String) r[1]));
        }
        return nodes;
    }

    @Override
    public Map<Long, String> checkpoints(long after, long upTo) {
        Map<Long, String> notes = new LinkedHashMap<>();
        for (Object[] r : query("select size, note from audit_checkpoint where size > ? and size <= ?", after, upTo)) {
            notes.put(((Number) r[0]).longValue(), (String) r[1]);
        }
        return notes;
    }

    @Override
    public String checkpoint(long size) {
        List<Object[]> rows = query("select note from audit_checkpoint where size = ?", size);
        return rows.isEmpty() ? null : (String) rows.get(0)[0];
    }

    @Override
    public long[] tail(long size) {
        Object[] r = query("select (select count(*) from audit_entry where idx >= ?),"
                + " (select count(*) from audit_checkpoint where size > ?),"
                + " (select count(*) from audit_checkpoint where size >= 1 and size <= ?),"
                + " (select count(*) from audit_node where level = 0 and node_index >= ?)", size, size, size, size).get(0);
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue()};
    }

    @Override
    public List<Long> checkpointSizes(long upTo) {
        List<Long> sizes = new ArrayList<>();
        for (Object[] r : query("select size from audit_checkpoint where size >= 1 and size <= ? order by size", upTo)) {
            sizes.add(((Number) r[0]).longValue());
        }
        return sizes;
    }

    private long single(String sql) {
        List<Object[]> rows = query(sql);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no audit head");
        }
        return ((Number) rows.get(0)[0]).longValue();
    }

    private void update(String sql, Object... parameters) {
        statements++;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            bind(s, parameters);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Object[]> query(String sql, Object... parameters) {
        statements++;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (r.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement s, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p == null) {
                s.setNull(i + 1, java.sql.Types.VARCHAR);
            } else if (p instanceof Integer n) {
                s.setInt(i + 1, n);
            } else if (p instanceof Long n) {
                s.setLong(i + 1, n);
            } else if (p instanceof String t) {
                s.setString(i + 1, t);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }
}
