package io.rapport.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of every change: who did what, when, with the state before and
 * after. Written in the same transaction as the change it describes, so a change and its
 * audit entry exist together or not at all. Nothing updates or deletes audit rows.
 */
@Service
public class AuditLog {

    private static final String PURPOSE = "audit";

    private static final java.util.List<String> COLUMNS = java.util.List.of("id", "tenant_id", "at", "actor", "action",
            "entity_type", "entity_id", "before_enc", "after_enc");

    private final JdbcClient jdbc;
    private final BulkInsert bulk;
    private final DeferredInserts deferred;
    private final ConsumerDataCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, BulkInsert bulk, DeferredInserts deferred, ConsumerDataCipher cipher, JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.deferred = deferred;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change; {@code before} and {@code after} are any objects Jackson can write, or null. */
    public void record(Actor actor, String action, String entityType, Object entityId, Object before, Object after) {
        TenantId tenant = actor.tenantId();
        deferred.insert("audit_event", COLUMNS, Ids.next(), tenant.value(), Timestamp.from(clock.instant()), actor.label(),
                action, entityType, entityId == null ? null : entityId.toString(), seal(tenant, before), seal(tenant, after));
    }

    /** One change among many recorded together, for {@link #recordAll}. */
    public record Change(String action, String entityType, Object entityId, Object before, Object after) {
    }

    /** Records many changes by one actor with one batched statement (placements of a whole import batch). */
    public void recordAll(Actor actor, java.util.List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        TenantId tenant = actor.tenantId();
        Timestamp at = Timestamp.from(clock.instant());
        java.util.List<Object[]> rows = new java.util.ArrayList<>(changes.size());
        for (Change c : changes) {
            rows.add(new Object[] {Ids.next(), tenant.value(), at, actor.label(), c.action(), c.entityType(),
                    c.entityId() == null ? null : c.entityId().toString(), seal(tenant, c.before()), seal(tenant, c.after())});
        }
        bulk.insert("audit_event", COLUMNS, rows);
    }

    /** Newest first, keyset-paged by (time, id). */
    public CursorPage<AuditEntry> read(TenantId tenant, String entityType, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("select id, at, actor, action, entity_type, entity_id, before_enc, after_enc "
                + "from audit_event where tenant_id = :tenant");
        var params = new java.util.HashMap<String, Object>();
        params.put("tenant", tenant.value());
        if (entityType != null && !entityType.isBlank()) {
            sql.append(" and entity_type = :type");
            params.put("type", entityType);
        }
        if (cursor != null) {
            UUID after = CursorPage.decodeIdCursor(cursor);
            sql.append(" and id < :after");
            params.put("after", after);
        }
        sql.append(" order by id desc limit :limit");
        params.put("limit", limit + 1);
        List<AuditEntry> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new AuditEntry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                        cipher.decrypt(tenant, PURPOSE, rs.getString("before_enc")),
                        cipher.decrypt(tenant, PURPOSE, rs.getString("after_enc"))))
                .list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = CursorPage.encodeCursor(rows.get(limit - 1).id().toString());
        }
        return new CursorPage<>(rows, next);
    }

    private String seal(TenantId tenant, Object state) {
        if (state == null) {
            return null;
        }
        return cipher.encrypt(tenant, PURPOSE, state instanceof String s ? s : json.writeValueAsString(state));
    }

}
