package io.rapport.messaging.tracking;

import io.rapport.platform.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the next attempt at many queued messages in one transaction: each is counted and leased with its own
 * conditional update, sent as one JDBC batch. Only one caller, on any node, wins an attempt: the update matches only
 * while the message still has the attempt count the caller saw (and, for the retry job, is still due).
 */
@Component
class AttemptLeases {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    AttemptLeases(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * @param seen  the messages as the caller read them (their attempt count is the one the update expects)
     * @param dueBy the instant the messages must be due by, or {@code null} for the hand-off right after the claim
     * @return the messages whose attempt this caller won, in id order
     */
    List<MessageLog.Pending> take(TenantId tenant, List<MessageLog.Pending> seen, Instant dueBy, Instant leaseUntil) {
        if (seen.isEmpty()) {
            return List.of();
        }
        // Always in id order, so that two nodes taking overlapping batches lock the rows in the same order.
        List<MessageLog.Pending> ordered = seen.stream().sorted(Comparator.comparing(p -> p.id().value())).toList();
        Timestamp lease = Timestamp.from(leaseUntil);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> params = new ArrayList<>(ordered.size());
        for (MessageLog.Pending message : ordered) {
            params.add(dueBy == null
                    ? new Object[] {lease, now, tenant.value(), message.id().value(), message.attempts()}
                    : new Object[] {lease, now, tenant.value(), message.id().value(), message.attempts(), Timestamp.from(dueBy)});
        }
        int[] updated = tx.execute(status -> jdbc.batchUpdate(
                "update message set attempts = attempts + 1, next_attempt_at = ?, updated_at = ? "
                        + "where tenant_id = ? and id = ? and status = 'QUEUED' and attempts = ?"
                        + (dueBy == null ? "" : " and next_attempt_at <= ?"), params));
        List<MessageLog.Pending> won = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (updated[i] == 1) {
                won.add(ordered.get(i));
            }
        }
        return won;
    }
}
