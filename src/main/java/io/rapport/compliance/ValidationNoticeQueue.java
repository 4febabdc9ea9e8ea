package io.rapport.compliance;

import io.rapport.platform.DeferredInserts;
import io.rapport.platform.Ids;
import io.rapport.platform.TenantId;
import io.rapport.platform.TransactionMemo;
import io.rapport.platform.SqlIn;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The validation_notice rows: one per debt, from scheduled to sent (or refused). Every query carries the tenant. */
@Component
class ValidationNoticeQueue {

    /** How many scheduled notices one run of the job takes. */
    static final int BATCH = 200;
    private static final String MEMO = "validation-notice";
    private static final List<String> COLUMNS = List.of("id", "tenant_id", "account_id", "debt_id", "status",
            "first_communication_on", "due_on", "created_at", "updated_at");

    private final JdbcClient jdbc;
    private final DeferredInserts deferred;
    private final Clock clock;

    ValidationNoticeQueue(JdbcClient jdbc, DeferredInserts deferred, Clock clock) {
        this.jdbc = jdbc;
        this.deferred = deferred;
        this.clock = clock;
    }

    /** Schedules the debt's notice unless it has one already; whether it scheduled one. */
    boolean schedule(TenantId tenant, UUID account, UUID debt, ValidationNoticeSchedule schedule) {
        // Looked up first: H2 does not always see a row its own transaction inserted from the insert's "not exists".
        if (find(tenant, debt).isPresent()) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (TransactionMemo.holds(MEMO, List.of(tenant, debt))) {
            // A batch read the debt's notice (there was none) and remembers the one it schedules; the row waits for
            // the commit, where the debt's unique notice fails the batch if another node scheduled one meanwhile.
            deferred.insert("validation_notice", COLUMNS, Ids.next(), tenant.value(), account, debt, "SCHEDULED",
                    Date.valueOf(schedule.firstCommunicationOn()), Date.valueOf(schedule.latestSendingDay()), now, now);
            TransactionMemo.put(MEMO, List.of(tenant, debt), Optional.of(new ScheduledNotice(account, debt,
                    ScheduledNotice.Status.SCHEDULED, schedule.firstCommunicationOn(), schedule.latestSendingDay(), null, null,
                    null, null, null)));
            return true;
        }
        boolean scheduled = jdbc.sql("""
                insert into validation_notice (id, tenant_id, account_id, debt_id, status, first_communication_on, due_on,
                    created_at, updated_at)
                select ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ? from (select 1 as one) x
                where not exists (select 1 from validation_notice where tenant_id = ? and debt_id = ?)""")
                .params(Ids.next(), tenant.value(), account, debt, Date.valueOf(schedule.firstCommunicationOn()),
                        Date.valueOf(schedule.latestSendingDay()), now, now, tenant.value(), debt)
                .update() > 0;
        TransactionMemo.forget(MEMO, List.of(tenant, debt));
        return scheduled;
    }

    Optional<ScheduledNotice> find(TenantId tenant, UUID debt) {
        return TransactionMemo.get(MEMO, List.of(tenant, debt),
                () -> jdbc.sql("select * from validation_notice where tenant_id = ? and debt_id = ?").params(tenant.value(), debt)
                        .query((rs, n) -> notice(rs)).optional());
    }

    /**
     * Reads the notices of many accounts with one query; where the transaction's memo is open, {@link #find} answers
     * for these debts from it until a notice is scheduled.
     */
    void preload(TenantId tenant, List<UUID> accounts, List<UUID> debts) {
        if (accounts.isEmpty()) {
            return;
        }
        java.util.Map<UUID, ScheduledNotice> found = new java.util.HashMap<>();
        jdbc.sql("select * from validation_notice where tenant_id = ? and account_id in (" + SqlIn.placeholders(accounts) + ")")
                .params(SqlIn.params(accounts, tenant.value()))
                .query((rs, n) -> notice(rs)).list()
                .forEach(notice -> found.put(notice.debtId(), notice));
        for (UUID debt : debts) {
            TransactionMemo.put(MEMO, List.of(tenant, debt), Optional.ofNullable(found.get(debt)));
        }
    }

    List<ScheduledNotice> forAccount(TenantId tenant, UUID account) {
        return jdbc.sql("select * from validation_notice where tenant_id = ? and account_id = ? order by created_at, id")
                .params(tenant.value(), account).query((rs, n) -> notice(rs)).list();
    }

    /** Scheduled notices of every tenant that may be tried at the instant, the earliest due first. */
    List<Scheduled> scheduled(java.time.Instant at) {
        return jdbc.sql("select tenant_id, account_id, debt_id from validation_notice where status = 'SCHEDULED' "
                        + "and (retry_at is null or retry_at <= ?) order by due_on, id limit " + BATCH)
                .param(Timestamp.from(at))
                .query((rs, n) -> new Scheduled(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class)))
                .list();
    }

    record Scheduled(TenantId tenant, UUID account, UUID debt) {
    }

    /** Records the notice as sent, scheduling-and-sending in one when it was sent before it was scheduled. */
    void sent(TenantId tenant, UUID account, UUID debt, String channel, ValidationPeriod period, UUID messageId,
            UUID decisionId) {
        TransactionMemo.forget(MEMO, List.of(tenant, debt));
        schedule(tenant, account, debt, ValidationNoticeSchedule.afterFirstCommunicationOn(period.sentOn()));
        jdbc.sql("""
                update validation_notice set status = 'SENT', channel = ?, sent_on = ?, validation_period_ends_on = ?,
                    message_id = ?, decision_id = ?, problem = null, retry_at = null, updated_at = ?
                where tenant_id = ? and debt_id = ?""")
                .params(channel, Date.valueOf(period.sentOn()), Date.valueOf(period.endsOn()), messageId, decisionId,
                        Timestamp.from(clock.instant()), tenant.value(), debt)
                .update();
    }

    /**
     * Keeps the notice in its status (or refuses it), saying why it was not sent; the job tries a scheduled one again
     * from {@code retryAt}.
     */
    void notSent(TenantId tenant, UUID account, UUID debt, boolean refused, String problem, java.time.Instant retryAt) {
        TransactionMemo.forget(MEMO, List.of(tenant, debt));
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        schedule(tenant, account, debt, ValidationNoticeSchedule.afterFirstCommunicationOn(today));
        String why = problem.length() > 2000 ? problem.substring(0, 1997) + "..." : problem;
        jdbc.sql("""
                update validation_notice set status = case when ? then 'REFUSED' else status end, problem = ?, retry_at = ?,
                    updated_at = ?
                where tenant_id = ? and debt_id = ? and status <> 'SENT'""")
                .params(refused, why, Timestamp.from(retryAt), Timestamp.from(clock.instant()), tenant.value(), debt)
                .update();
    }

    private static ScheduledNotice notice(ResultSet rs) throws SQLException {
        return new ScheduledNotice(rs.getObject("account_id", UUID.class), rs.getObject("debt_id", UUID.class),
                ScheduledNotice.Status.valueOf(rs.getString("status")), day(rs.getDate("first_communication_on")),
                day(rs.getDate("due_on")), rs.getString("channel"), day(rs.getDate("sent_on")),
                day(rs.getDate("validation_period_ends_on")), rs.getObject("message_id", UUID.class), rs.getString("problem"));
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
