package org.electionpool.hub.audit.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.electionpool.hub.protocol.json.StrictJson;

/**
 * The SQL of the sequencer's tables ({@code audit_pending}, the multi-row {@code audit_entry}
 * insert, {@code audit_ref_seq}) and the mapping of a pending row, shared by both
 * {@link AuditStore}s so the hub and hub-bench send the same statements. Placeholders are written
 * numbered ({@code ?1}, for JPA native queries) or plain ({@code ?}, for JDBC).
 *
 * <p>Invariant: a pending row read back gives the {@link PendingEntry} that was written — the
 * details are stored as RFC 8785 canonical JSON and parsed strictly, so the leaf the sequencer builds
 * from them is byte for byte the one the business transaction described.
 */
public final class PendingRows {

    /** Entries per multi-row insert (11 parameters each). */
    public static final int ENTRIES_PER_STATEMENT = 500;
    /** Subtree hashes per multi-row insert (3 parameters each). */
    public static final int NODES_PER_STATEMENT = 1000;
    /** References per {@code in (…)} list. */
    public static final int REFS_PER_STATEMENT = 1000;

    /** Draws a reference (PostgreSQL and H2 both know {@code nextval}). */
    public static final String NEXT_REF = "select nextval('audit_ref_seq')";

    private static final String PENDING_COLUMNS = "ref, recorded_at, action, channel, actor_org, actor_principal, jti,"
            + " body_sha256, evidence, received_at, target_type, target_id, details";

    /**
     * The pending insert with JPA placeholders. {@code received_at} is often {@code null}, and a
     * driver may send an untyped null as text, which PostgreSQL will not store in a timestamp
     * column: the cast names the type.
     */
    public static final String INSERT_PENDING_JPA = "insert into audit_pending (" + PENDING_COLUMNS + ") values (?1, ?2, ?3,"
            + " ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as timestamp with time zone), ?11, ?12, ?13)";
    /** The pending insert with JDBC placeholders (the same cast). */
    public static final String INSERT_PENDING_JDBC = "insert into audit_pending (" + PENDING_COLUMNS + ") values (?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, cast(? as timestamp with time zone), ?, ?, ?)";
    /** The committed pending rows in reference order (the caller limits the count). */
    public static final String SELECT_PENDING = "select " + PENDING_COLUMNS + " from audit_pending order by ref";

    private PendingRows() {
    }

    /** @return the insert of {@code rows} entries with their references */
    public static String insertEntries(int rows, boolean numbered) {
        StringBuilder sql = new StringBuilder("insert into audit_entry (idx, ref, recorded_at, action, leaf, leaf_hash,"
                + " actor_org, jti, target_type, target_id, evidence) values ");
        int p = 1;
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(" : ", (");
            for (int c = 0; c < 11; c++) {
                sql.append(c == 0 ? "" : ", ").append(numbered ? "?" + p++ : "?");
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /** @return {@code prefix} followed by {@code count} placeholders, comma-separated */
    public static String refList(String prefix, int count, boolean numbered) {
        StringBuilder sql = new StringBuilder(prefix);
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append(numbered ? "?" + (i + 1) : "?");
        }
        return sql.toString();
    }

    /** @return {@code refs} in lists of at most {@link #REFS_PER_STATEMENT} */
    public static List<List<Long>> chunks(Collection<Long> refs) {
        List<Long> all = new ArrayList<>(refs);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += REFS_PER_STATEMENT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + REFS_PER_STATEMENT)));
        }
        return chunks;
    }

    /** @return the insert's parameter values, in column order (instants as {@link java.time.Instant}) */
    public static Object[] values(PendingEntry e) {
        AuditContext c = e.context();
        String details = e.details() == null || e.details().isEmpty() ? null
                : new String(CanonicalJson.write(e.details()), StandardCharsets.UTF_8);
        return new Object[] {e.ref(), e.recordedAt(), e.action(), c.channel().name(),
            c.actorOrg() == null ? null : c.actorOrg().value(), c.actorPrincipal(), c.jti(), c.bodySha256(), c.evidence(),
            c.receivedAt(), e.targetType(), e.targetId(), details};
    }

    /** @return a {@code timestamp with time zone} column as the driver handed it out, as an instant */
    private static java.time.Instant instant(Object value) {
        if (value == null || value instanceof java.time.Instant) {
            return (java.time.Instant) value;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    /** @return the entry of a row selected by {@link #SELECT_PENDING} */
    @SuppressWarnings("unchecked")
    public static PendingEntry entry(Object[] r) {
        AuditContext context = new AuditContext(Caller.Channel.valueOf((String) r[3]),
                r[4] == null ? null : new OrganizationId((String) r[4]), (String) r[5], (String) r[6], (String) r[8],
                (String) r[7], instant(r[9]));
        Map<String, Object> details = r[12] == null ? null
                : (Map<String, Object>) StrictJson.parse((String) r[12], CanonicalJson.MAX_DEPTH);
        return new PendingEntry(((Number) r[0]).longValue(), instant(r[1]), (String) r[2], context,
                (String) r[10], (String) r[11], details);
    }
}
