package io.rapport.messaging;

import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountId;
import io.rapport.messaging.sms.ReplyIntents;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.Conflict;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.CursorPage;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What consumers wrote to the organization (text replies), newest first, with what each asked for, so agents answer
 * the ones that need a person. Opt-outs, START and HELP were already answered by the system the moment they arrived and
 * never need an agent; free text stays open until an agent marks it handled (with an optional note), and a handled
 * reply can be reopened.
 *
 * <p>Lifecycle of a free-text reply: OPEN when it arrives, HANDLED when an agent marks it so, OPEN again when someone
 * reopens it. Who did each and when is kept; every change is audited (without the reply's text) and lands on the
 * account's timeline. Agents, supervisors and admins (and API keys) may mark and reopen; viewers and compliance staff
 * only read.
 */
@Service
public class Inbox {

    /** Notes are short: what was done, not a transcript. */
    public static final int NOTE_LIMIT = 500;

    static final String NOTE = "inbox-note";

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    /** Where a reply stands: waiting for an agent, handled by one, or answered by the system on arrival. */
    public enum Status {
        OPEN, HANDLED, ANSWERED
    }

    /** Which replies to list. */
    public enum Show {
        /** Free-text replies that still need an agent. */
        OPEN,
        /** Free-text replies an agent has handled. */
        HANDLED,
        /** Every reply, including those the system answered. */
        ALL;

        /** {@code open}, {@code handled} or {@code all}, in any case. */
        public static Show of(String value) {
            if (value == null || value.isBlank()) {
                return OPEN;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status: must be open, handled or all");
            }
        }
    }

    /** Who marked a reply handled or reopened it, when, and what they noted (or null). */
    public record Handling(String by, Instant at, String note) {
    }

    /**
     * One reply; {@code intent} is OTHER for free text that needs an agent. {@code handled} is set while it is handled,
     * {@code reopened} after it was last reopened.
     */
    public record Reply(UUID messageId, AccountId account, Channel channel, String from, String body, ReplyIntent intent,
            Instant receivedAt, Handling handled, Handling reopened) {

        public Status status() {
            if (intent != ReplyIntent.OTHER) {
                return Status.ANSWERED;
            }
            return handled == null ? Status.OPEN : Status.HANDLED;
        }

        public boolean needsAnAgent() {
            return status() == Status.OPEN;
        }
    }

    private static final String SELECT = """
            select r.message_id, r.account_id, r.intent, r.received_at, r.handled_at, r.handled_by, r.handled_note_enc,
                r.reopened_at, r.reopened_by, r.reopened_note_enc, m.channel, m.recipient_enc, m.body_enc
            from inbox_reply r join message m on m.id = r.message_id
            where r.tenant_id = :tenant""";

    private final JdbcClient jdbc;
    private final ConsumerDataCipher cipher;
    private final AuditLog audit;
    private final AccountHistory history;
    private final Clock clock;

    Inbox(JdbcClient jdbc, ConsumerDataCipher cipher, AuditLog audit, AccountHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.history = history;
        this.clock = clock;
    }

    /** Newest first, keyset-paged. */
    public CursorPage<Reply> list(TenantId tenant, Show show, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant.value());
        switch (show) {
            case OPEN -> sql.append(" and r.intent = 'OTHER' and r.handled_at is null");
            case HANDLED -> sql.append(" and r.intent = 'OTHER' and r.handled_at is not null");
            case ALL -> {
            }
        }
        if (cursor != null) {
            sql.append(" and r.message_id < :after");
            params.put("after", CursorPage.decodeIdCursor(cursor));
        }
        sql.append(" order by r.message_id desc limit :limit");
        params.put("limit", limit + 1);
        List<Reply> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> reply(tenant, rs)).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = CursorPage.encodeCursor(rows.get(limit - 1).messageId().toString());
        }
        return new CursorPage<>(rows, next);
    }

    /** How many replies wait for an agent. */
    public long openCount(TenantId tenant) {
        return jdbc.sql("select count(*) from inbox_reply where tenant_id = ? and intent = 'OTHER' and handled_at is null")
                .params(tenant.value()).query(Long.class).single();
    }

    /** A reply of this tenant; empty for an unknown id, another tenant's or an outbound message. */
    public Optional<Reply> find(TenantId tenant, MessageId id) {
        return jdbc.sql(SELECT + " and r.message_id = :id").param("tenant", tenant.value()).param("id", id.value())
                .query((rs, n) -> reply(tenant, rs)).optional();
    }

    /**
     * An agent dealt with a reply that needed one.
     *
     * @throws NotFound when the tenant has no such reply
     * @throws Conflict when the system answered it, or it is handled already
     */
    @Transactional
    public Reply markHandled(Actor by, MessageId id, String note) {
        mayHandle(by);
        String text = note(note);
        Reply before = require(by.tenantId(), id);
        Instant at = clock.instant();
        int changed = jdbc.sql("""
                update inbox_reply set handled_at = ?, handled_by = ?, handled_note_enc = ?
                where message_id = ? and tenant_id = ? and intent = 'OTHER' and handled_at is null""")
                .params(Timestamp.from(at), by.label(), cipher.encrypt(by.tenantId(), NOTE, text), id.value(), by.tenantId().value())
                .update();
        if (changed == 0) {
            Reply now = require(by.tenantId(), id);
            throw new Conflict(now.status() == Status.ANSWERED ? answeredBySystem(now)
                    : "reply " + id + " was already handled by " + now.handled().by() + " at " + now.handled().at());
        }
        return record(by, before, "reply.handled", "handled", text);
    }

    /**
     * A handled reply needs an agent again (the promise was not kept, the call did not happen...).
     *
     * @throws NotFound when the tenant has no such reply
     * @throws Conflict when it is not handled
     */
    @Transactional
    public Reply reopen(Actor by, MessageId id, String note) {
        mayHandle(by);
        String text = note(note);
        Reply before = require(by.tenantId(), id);
        int changed = jdbc.sql("""
                update inbox_reply set handled_at = null, handled_by = null, handled_note_enc = null,
                    reopened_at = ?, reopened_by = ?, reopened_note_enc = ?
                where message_id = ? and tenant_id = ? and intent = 'OTHER' and handled_at is not null""")
                .params(Timestamp.from(clock.instant()), by.label(), cipher.encrypt(by.tenantId(), NOTE, text), id.value(),
                        by.tenantId().value())
                .update();
        if (changed == 0) {
            Reply now = require(by.tenantId(), id);
            throw new Conflict(now.status() == Status.ANSWERED ? answeredBySystem(now) : "reply " + id + " is not handled");
        }
        return record(by, before, "reply.reopened", "reopened", text);
    }

    /** Files a reply that just arrived, in the transaction that recorded it. */
    void received(TenantId tenant, MessageId reply, ReplyIntent intent) {
        jdbc.sql("""
                insert into inbox_reply (message_id, tenant_id, account_id, intent, received_at)
                select id, tenant_id, account_id, ?, created_at from message where id = ? and tenant_id = ?""")
                .params(intent.name(), reply.value(), tenant.value())
                .update();
    }

    /**
     * Replies that arrived before the inbox kept their state were filed without an intent; it is read from their text
     * once, at start-up. Every node may do it: each reads the same intent from the same text.
     */
    @EventListener(ApplicationReadyEvent.class)
    void readIntentsOfEarlierReplies() {
        int read = 0;
        while (true) {
            List<Object[]> batch = jdbc.sql("""
                    select r.message_id, r.tenant_id, m.body_enc from inbox_reply r join message m on m.id = r.message_id
                    where r.intent is null order by r.message_id limit 500""")
                    .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)})
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            for (Object[] row : batch) {
                String body = cipher.decrypt(new TenantId((UUID) row[1]), MessageLog.BODY, (String) row[2]);
                jdbc.sql("update inbox_reply set intent = ? where message_id = ? and intent is null")
                        .params(ReplyIntents.of(body).name(), row[0]).update();
            }
            read += batch.size();
        }
        if (read > 0) {
            LOG.info("Read what {} earlier replies ask for; the free-text ones are open in the inbox.", read);
        }
    }

    private Reply record(Actor by, Reply before, String action, String what, String note) {
        Reply after = require(by.tenantId(), new MessageId(before.messageId()));
        // The reply's text stays out of the audit; the note is the agent's own words, sealed with the entry.
        audit.record(by, action, "Message", before.messageId(), state(before, null), state(after, note));
        history.record(by, before.account(), "message." + action.replace('.', '-'), "Text reply " + what
                + (note == null ? "" : ": \"" + SmsReplies.RepliesOnTimeline.safe(note) + "\"") + " (message " + before.messageId() + ")");
        return after;
    }

    private static Map<String, Object> state(Reply reply, String note) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", reply.status().name());
        if (reply.handled() != null) {
            state.put("handledBy", reply.handled().by());
            state.put("handledAt", reply.handled().at().toString());
        }
        if (note != null) {
            state.put("note", note);
        }
        return state;
    }

    private Reply require(TenantId tenant, MessageId id) {
        return find(tenant, id).orElseThrow(() -> new NotFound("reply", id));
    }

    private static void mayHandle(Actor by) {
        if (!by.role().canChangeAccounts()) {
            throw new AccessDeniedException("only agents, supervisors and admins mark replies handled or reopen them");
        }
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String text = note.strip();
        if (text.length() > NOTE_LIMIT) {
            throw InvalidRequest.of("note", "must be at most " + NOTE_LIMIT + " characters");
        }
        return text;
    }

    private static String answeredBySystem(Reply reply) {
        return "reply " + reply.messageId() + " was answered by the system ("
                + reply.intent().name().replace('_', ' ').toLowerCase(Locale.ROOT) + ") and needs no agent";
    }

    private Reply reply(TenantId tenant, ResultSet rs) throws SQLException {
        String body = cipher.decrypt(tenant, MessageLog.BODY, rs.getString("body_enc"));
        String intent = rs.getString("intent");
        return new Reply(rs.getObject("message_id", UUID.class), new AccountId(rs.getObject("account_id", UUID.class)),
                Channel.valueOf(rs.getString("channel")), cipher.decrypt(tenant, MessageLog.RECIPIENT, rs.getString("recipient_enc")),
                body, intent == null ? ReplyIntents.of(body) : ReplyIntent.valueOf(intent),
                rs.getTimestamp("received_at").toInstant(),
                handling(tenant, rs, "handled"), handling(tenant, rs, "reopened"));
    }

    private Handling handling(TenantId tenant, ResultSet rs, String which) throws SQLException {
        Timestamp at = rs.getTimestamp(which + "_at");
        return at == null ? null
                : new Handling(rs.getString(which + "_by"), at.toInstant(), cipher.decrypt(tenant, NOTE, rs.getString(which + "_note_enc")));
    }
}
