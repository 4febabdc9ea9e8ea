package io.rapport.platform.web;

import io.rapport.platform.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored outcomes of requests sent with an {@code Idempotency-Key}, per tenant. Claiming
 * a key is an insert guarded by the primary key, so two concurrent retries cannot both run.
 */
@Component
class IdempotentRequests {

    enum Outcome { FIRST, REPLAY, DIFFERENT_REQUEST, IN_PROGRESS }

    record Stored(int status, String contentType, String body) {
    }

    record Claim(Outcome outcome, Stored stored) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Claim claim(TenantId tenant, String key, String fingerprint) {
        try {
            jdbc.sql("""
                    insert into idempotent_request (tenant_id, idem_key, fingerprint, completed, created_at)
                    values (?, ?, ?, false, ?)""")
                    .params(tenant.value(), key, fingerprint, Timestamp.from(clock.instant()))
                    .update();
            return new Claim(Outcome.FIRST, null);
        } catch (DuplicateKeyException alreadyClaimed) {
            record Row(String fingerprint, boolean completed, Integer status, String contentType, String body) {
            }
            Row row = jdbc.sql("""
                    select fingerprint, completed, status, content_type, response_body
                    from idempotent_request where tenant_id = ? and idem_key = ?""")
                    .params(tenant.value(), key)
                    .query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2), (Integer) rs.getObject(3), rs.getString(4),
                            rs.getString(5)))
                    .optional()
                    // Released between our insert and this read: the caller may simply retry.
                    .orElse(new Row(fingerprint, false, null, null, null));
            if (!row.fingerprint().equals(fingerprint)) {
                return new Claim(Outcome.DIFFERENT_REQUEST, null);
            }
            if (!row.completed()) {
                return new Claim(Outcome.IN_PROGRESS, null);
            }
            return new Claim(Outcome.REPLAY, new Stored(row.status(), row.contentType(), row.body()));
        }
    }

    void complete(TenantId tenant, String key, int status, String contentType, String body) {
        jdbc.sql("""
                update idempotent_request set completed = true, status = ?, content_type = ?, response_body = ?
                where tenant_id = ? and idem_key = ?""")
                .params(status, contentType, body, tenant.value(), key)
                .update();
    }

    void release(TenantId tenant, String key) {
        jdbc.sql("delete from idempotent_request where tenant_id = ? and idem_key = ? and completed = false")
                .params(tenant.value(), key).update();
    }
}
