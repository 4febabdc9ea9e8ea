package io.rapport.campaigns;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Accounts;
import io.rapport.messaging.Channel;
import io.rapport.messaging.TemplateId;
import io.rapport.platform.Actor;
import io.rapport.platform.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to payment requests as time passes: the reminder before expiry goes out (on the channels the request
 * reached, or the preferred one, each decided by the gate; when the gate only says "not now", the reminder waits for
 * the earliest allowed time if that is before expiry), and a request that reaches its expiry unpaid expires. Each
 * request is handled in its own transaction, claimed by a conditional update, so several nodes never act twice.
 */
@Service
public class PaymentRequestDeadlines {

    private static final Logger log = LoggerFactory.getLogger(PaymentRequestDeadlines.class);
    private static final int BATCH = 200;

    private final PaymentRequests requests;
    private final PaymentRequestTemplates templates;
    private final PaymentLinks links;
    private final Accounts accounts;
    private final AccountHistory history;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    PaymentRequestDeadlines(PaymentRequests requests, PaymentRequestTemplates templates, PaymentLinks links, Accounts accounts,
            AccountHistory history, JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.requests = requests;
        this.templates = templates;
        this.links = links;
        this.accounts = accounts;
        this.history = history;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    private record Due(TenantId tenant, PaymentRequestId id) {
    }

    /** Sends every reminder due at the instant; answers how many requests were handled. */
    public int remindDue(Instant now) {
        int handled = 0;
        List<Due> due;
        do {
            due = due("""
                    reminder_state = 'PENDING' and reminder_due_at <= ? and status in ('CREATED', 'SENT', 'PARTLY_SENT', 'BLOCKED')
                    order by reminder_due_at""", now);
            for (Due one : due) {
                try {
                    transactions.executeWithoutResult(status -> remind(one, now));
                } catch (RuntimeException e) {
                    // One account's problem (a template that no longer renders for it) must not stop the others.
                    log.warn("The reminder for payment request {} failed: {}", one.id(), e.getMessage());
                    jdbc.sql("update payment_request set reminder_state = 'BLOCKED' where id = ? and reminder_state = 'PENDING'")
                            .param(one.id().value()).update();
                }
                handled++;
            }
        } while (due.size() == BATCH);
        return handled;
    }

    private void remind(Due due, Instant now) {
        PaymentRequests.Stored stored = requests.stored(due.tenant(), due.id()).orElseThrow();
        Timestamp dueAt = Timestamp.from(stored.reminder().dueAt());
        int claimed = jdbc.sql("update payment_request set reminder_state = 'SENDING' where id = ? and reminder_state = 'PENDING' and reminder_due_at = ?")
                .params(due.id().value(), dueAt).update();
        if (claimed == 0) {
            return;
        }
        Actor system = Actor.system(due.tenant(), "payment-request-reminder");
        if (!stored.expiresAt().isAfter(now)) {
            finishReminder(due, PaymentRequest.ReminderState.SKIPPED, null);
            return;
        }
        AccountDetails account = accounts.find(due.tenant(), stored.account()).orElseThrow();
        List<PaymentRequest.Send> sends = new ArrayList<>();
        for (Channel channel : reminderChannels(requests.find(due.tenant(), due.id()).orElseThrow().sends(),
                requests.preferredChannel(due.tenant(), account))) {
            Optional<ChannelChoice.Target> target = ChannelChoice.target(account, channel);
            if (target.isEmpty()) {
                continue;
            }
            TemplateId template = templates.templateFor(due.tenant(), account.creditor().id(), channel, account.consumer().language(),
                    PaymentRequestTemplates.Purpose.REMINDER);
            sends.add(requests.send(system, due.id(), stored.account(), target.get(), template, stored.details(links), due.id().value(),
                    PaymentRequest.Occasion.REMINDER,
                    "payment-request:" + due.id() + ":reminder:" + channel + ":" + stored.reminder().dueAt().toEpochMilli()));
        }
        if (sends.stream().anyMatch(PaymentRequest.Send::allowed)) {
            finishReminder(due, PaymentRequest.ReminderState.SENT, null);
        } else {
            Instant retryAt = sends.stream().map(send -> send.decision().earliestAllowedAt())
                    .reduce((a, b) -> a == null || b == null ? null : a.isBefore(b) ? a : b).orElse(null);
            if (retryAt != null && retryAt.isBefore(stored.expiresAt())) {
                finishReminder(due, PaymentRequest.ReminderState.PENDING, retryAt);
                return;
            }
            finishReminder(due, PaymentRequest.ReminderState.BLOCKED, null);
        }
        history.record(system, stored.account(), "payment-request.reminded", "Reminder of the payment link expiring "
                + stored.expiresAt() + ": " + PaymentRequests.describe(sends));
    }

    /** The channels the request reached; when it reached none (a link read out on a call), the preferred one. */
    private static Set<Channel> reminderChannels(List<PaymentRequest.Send> sends, Channel preferred) {
        Set<Channel> reached = new LinkedHashSet<>();
        for (PaymentRequest.Send send : sends) {
            if (send.allowed() && send.occasion() != PaymentRequest.Occasion.REMINDER) {
                reached.add(send.channel());
            }
        }
        return reached.isEmpty() ? Set.of(preferred) : reached;
    }

    private void finishReminder(Due due, PaymentRequest.ReminderState state, Instant nextDue) {
        jdbc.sql("update payment_request set reminder_state = ?, reminder_due_at = coalesce(?, reminder_due_at) where id = ? and tenant_id = ?")
                .params(state.name(), nextDue == null ? null : Timestamp.from(nextDue), due.id().value(), due.tenant().value())
                .update();
    }

    /** Expires every open request whose time is up; answers how many expired. */
    public int expireDue(Instant now) {
        int expired = 0;
        List<Due> due;
        do {
            due = due("status in ('CREATED', 'SENT', 'PARTLY_SENT', 'BLOCKED') and expires_at <= ? order by expires_at", now);
            for (Due one : due) {
                Boolean done = transactions.execute(status -> expire(one, now));
                expired += Boolean.TRUE.equals(done) ? 1 : 0;
            }
        } while (due.size() == BATCH);
        return expired;
    }

    /** The next batch of requests matching the condition, which takes the instant as its one parameter. */
    private List<Due> due(String conditionAndOrder, Instant now) {
        return jdbc.sql("select tenant_id, id from payment_request where " + conditionAndOrder + " fetch first " + BATCH + " rows only")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Due(new TenantId(rs.getObject("tenant_id", UUID.class)),
                        new PaymentRequestId(rs.getObject("id", UUID.class))))
                .list();
    }

    private boolean expire(Due due, Instant now) {
        int updated = jdbc.sql("""
                update payment_request set status = 'EXPIRED', updated_at = ?,
                    reminder_state = case when reminder_state = 'PENDING' then 'SKIPPED' else reminder_state end
                where id = ? and tenant_id = ? and status in ('CREATED', 'SENT', 'PARTLY_SENT', 'BLOCKED')""")
                .params(Timestamp.from(now), due.id().value(), due.tenant().value()).update();
        if (updated == 0) {
            return false;
        }
        AccountId account = requests.stored(due.tenant(), due.id()).orElseThrow().account();
        history.record(Actor.system(due.tenant(), "payment-request-expiry"), account, "payment-request.expired",
                "The payment link expired unpaid; it no longer opens the portal");
        events.publishEvent(new PaymentRequestExpired(due.tenant(), due.id(), account, now));
        return true;
    }
}
