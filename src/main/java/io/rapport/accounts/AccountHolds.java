package io.rapport.accounts;

import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.Ids;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places and releases holds. A hold records who placed it and why; the account's status
 * follows its active holds (a dispute makes it DISPUTED, any other hold ON_HOLD).
 */
@Service
public class AccountHolds {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccountHistory history;
    private final AuditLog audit;
    private final Clock clock;

    AccountHolds(JdbcClient jdbc, Accounts accounts, AccountHistory history, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UUID place(Actor by, AccountId account, UUID debtId, HoldKind kind, String reason) {
        if (kind == null) {
            throw InvalidRequest.of("kind", "is required");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw InvalidRequest.of("reason", "is required, at most 1000 characters: say why the hold is placed");
        }
        accounts.require(by.tenantId(), account);
        if (debtId != null && jdbc.sql("select count(*) from debt where id = ? and account_id = ? and tenant_id = ?")
                .params(debtId, account.value(), by.tenantId().value()).query(Integer.class).single() == 0) {
            throw InvalidRequest.of("debtId", "is not a debt of this account");
        }
        UUID id = Ids.next();
        jdbc.sql("""
                insert into account_hold (id, tenant_id, account_id, debt_id, kind, reason, placed_by, placed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, by.tenantId().value(), account.value(), debtId, kind.name(), reason, by.label(),
                        Timestamp.from(clock.instant()))
                .update();
        String before = status(by, account);
        String after = refreshStatus(by, account);
        history.record(by, account, "HOLD_PLACED", kind + " hold placed" + (debtId == null ? "" : " on one debt") + ": " + reason);
        audit.record(by, "hold.placed", "Account", account, Map.of("status", before),
                Map.of("status", after, "hold", id, "kind", kind, "reason", reason));
        return id;
    }

    @Transactional
    public void release(Actor by, AccountId account, UUID holdId, String reason) {
        int changed = jdbc.sql("""
                update account_hold set released_at = ?, released_by = ?
                where id = ? and account_id = ? and tenant_id = ? and released_at is null""")
                .params(Timestamp.from(clock.instant()), by.label(), holdId, account.value(), by.tenantId().value())
                .update();
        if (changed == 0) {
            throw new NotFound("active hold", holdId);
        }
        String before = status(by, account);
        String after = refreshStatus(by, account);
        history.record(by, account, "HOLD_RELEASED", "Hold released" + (reason == null || reason.isBlank() ? "" : ": " + reason));
        audit.record(by, "hold.released", "Account", account, Map.of("status", before, "hold", holdId),
                Map.of("status", after));
    }


    private String status(Actor by, AccountId account) {
        return jdbc.sql("select status from account where id = ? and tenant_id = ?")
                .params(account.value(), by.tenantId().value()).query(String.class).single();
    }

    /** PAID and CLOSED accounts keep their status; otherwise the active holds decide it. */
    private String refreshStatus(Actor by, AccountId account) {
        jdbc.sql("""
                update account set status = case
                    when status in ('PAID', 'CLOSED') then status
                    when exists (select 1 from account_hold h where h.account_id = account.id and h.released_at is null
                                 and h.kind <> 'DISPUTE') then 'ON_HOLD'
                    when exists (select 1 from account_hold h where h.account_id = account.id and h.released_at is null)
                         then 'DISPUTED'
                    else 'ACTIVE' end,
                  updated_at = ?
                where id = ? and tenant_id = ?""")
                .params(Timestamp.from(clock.instant()), account.value(), by.tenantId().value())
                .update();
        return status(by, account);
    }
}
