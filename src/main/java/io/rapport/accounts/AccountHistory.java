package io.rapport.accounts;

import io.rapport.platform.Actor;
import io.rapport.platform.CursorPage;
import io.rapport.platform.DeferredInserts;
import io.rapport.platform.Ids;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only history of each account: every change and every interaction, newest first.
 * Other capabilities (messaging, payments, compliance) add their events here so that an agent
 * sees one timeline. Summaries must not carry card numbers or other secrets.
 */
@Service
public class AccountHistory {

    private static final List<String> COLUMNS = List.of("id", "tenant_id", "account_id", "at", "actor", "kind", "summary");

    private final JdbcClient jdbc;
    private final DeferredInserts deferred;
    private final Clock clock;

    AccountHistory(JdbcClient jdbc, DeferredInserts deferred, Clock clock) {
        this.jdbc = jdbc;
        this.deferred = deferred;
        this.clock = clock;
    }

    public void record(Actor by, AccountId account, String kind, String summary) {
        record(by, account, kind, summary, clock.instant());
    }

    public void record(Actor by, AccountId account, String kind, String summary, Instant at) {
        // A batch writes its entries together at commit; it read the account in this tenant already.
        if (deferred.isDeferring() && Accounts.isRemembered(by.tenantId(), account)) {
            deferred.insert("account_history", COLUMNS, Ids.next(), by.tenantId().value(), account.value(), Timestamp.from(at),
                    by.label(), kind, summary);
        } else {
            insert(by, account, kind, summary, at);
        }
    }

    private void insert(Actor by, AccountId account, String kind, String summary, Instant at) {
        int written = jdbc.sql("""
                insert into account_history (id, tenant_id, account_id, at, actor, kind, summary)
                select ?, ?, id, ?, ?, ?, ? from account where id = ? and tenant_id = ?""")
                .params(Ids.next(), by.tenantId().value(), Timestamp.from(at), by.label(), kind, summary,
                        account.value(), by.tenantId().value())
                .update();
        if (written == 0) {
            throw new NotFound("account", account);
        }
    }

    /** Newest first; keyset-paged. */
    public CursorPage<TimelineEntry> list(TenantId tenant, AccountId account, String cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant.value());
        params.put("account", account.value());
        params.put("limit", limit + 1);
        String after = "";
        if (cursor != null) {
            params.put("after", CursorPage.decodeIdCursor(cursor));
            after = " and id < :after";
        }
        List<TimelineEntry> rows = jdbc.sql("select id, at, actor, kind, summary from account_history "
                        + "where tenant_id = :tenant and account_id = :account" + after + " order by id desc limit :limit")
                .params(params)
                .query((rs, n) -> new TimelineEntry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("kind"), rs.getString("summary")))
                .list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = CursorPage.encodeCursor(rows.get(limit - 1).id().toString());
        }
        return new CursorPage<>(rows, next);
    }
}
