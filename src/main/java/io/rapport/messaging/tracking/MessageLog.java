package io.rapport.messaging.tracking;

import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountId;
import io.rapport.messaging.ApprovedContact;
import io.rapport.messaging.Channel;
import io.rapport.messaging.EventKind;
import io.rapport.messaging.Message;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.MessageTracked;
import io.rapport.messaging.TemplateId;
import io.rapport.platform.Actor;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.DeferredInserts;
import io.rapport.platform.FreshKeys;
import io.rapport.platform.Ids;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import io.rapport.platform.TransactionMemo;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The message rows and their append-only events. Creating an outbound message claims its idempotency key in the same
 * insert, so a retried send finds the first message instead of making a second. Each kind of event reaches the
 * account's timeline once per message, and is published as {@link MessageTracked}.
 */
@Component
public class MessageLog {

    public static final String RECIPIENT = "message-recipient";
    public static final String BODY = "message-body";
    public static final String SUBJECT = "message-subject";
    public static final String TRANSPORT = "message-transport";

    /**
     * How long one delivery attempt may hold a message before the retry job may take it over. Longer than any
     * provider call can last (SMTP times out after 30 s of silence), so a live attempt is never repeated.
     */
    public static final Duration DISPATCH_LEASE = Duration.ofMinutes(5);

    private static final List<String> MESSAGE_COLUMNS = List.of("id", "tenant_id", "account_id", "channel", "direction",
            "status", "template_id", "template_version", "decision_id", "campaign_id", "idempotency_key", "recipient_enc",
            "recipient_idx", "sender", "subject_enc", "body_enc", "segments", "created_at", "updated_at", "attempts",
            "next_attempt_at", "transport_enc");
    /** A batch's message row not yet written (see {@link #transport}). */
    private static final String PENDING_ROW = "pending-message-row";
    private static final List<String> EVENT_COLUMNS = List.of("id", "tenant_id", "message_id", "kind", "at", "detail");

    private final JdbcClient jdbc;
    private final DeferredInserts deferred;
    private final ConsumerDataCipher cipher;
    private final AccountHistory history;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JdbcTemplate batches;
    private final AttemptLeases leases;
    private final MessageEventBatch eventBatch;

    MessageLog(JdbcClient jdbc, DeferredInserts deferred, ConsumerDataCipher cipher, AccountHistory history,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock, JdbcTemplate batches,
            AttemptLeases leases, MessageEventBatch eventBatch) {
        this.jdbc = jdbc;
        this.deferred = deferred;
        this.cipher = cipher;
        this.history = history;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.batches = batches;
        this.leases = leases;
        this.eventBatch = eventBatch;
    }

    /** The new message, or the one already written with this idempotency key ({@code created} false). */
    public record Claim(MessageId id, boolean created) {
    }

    /** What an outbound message is made of, as far as the log keeps it. */
    public record Outbound(TemplateId template, Integer templateVersion, UUID campaignId, String sender, String subject,
            String body, int segments) {
    }

    public Claim claim(ApprovedContact contact, Outbound outbound) {
        return claim(contact, outbound, id -> {
        });
    }

    /** As {@link #claim(ApprovedContact, Outbound)}, writing the channel's own rows in the same transaction. */
    public Claim claim(ApprovedContact contact, Outbound outbound, java.util.function.Consumer<MessageId> alsoWrite) {
        TenantId tenant = contact.tenant();
        Optional<MessageId> existing = FreshKeys.take(tenant, "message", contact.idempotencyKey()) ? Optional.empty()
                : byIdempotencyKey(tenant, contact.idempotencyKey());
        if (existing.isPresent()) {
            return new Claim(existing.get(), false);
        }
        UUID id = Ids.next();
        try {
            tx.executeWithoutResult(status -> {
                insert(id, tenant, contact.account(), contact.channel(), Message.Direction.OUTBOUND, outbound.template(),
                        outbound.templateVersion(), contact.decisionId(), outbound.campaignId(), contact.idempotencyKey(),
                        contact.address(), outbound.sender(), outbound.subject(), outbound.body(), outbound.segments());
                queued(tenant, new MessageId(id), contact.account(), contact.channel(), outbound.campaignId());
                alsoWrite.accept(new MessageId(id));
            });
            return new Claim(new MessageId(id), true);
        } catch (DuplicateKeyException raced) {
            return new Claim(byIdempotencyKey(tenant, contact.idempotencyKey()).orElseThrow(), false);
        }
    }

    /** A message written by the system itself, such as the confirmation of an opt-out keyword. */
    public MessageId recordSystemMessage(TenantId tenant, AccountId account, Channel channel, String recipient, String sender,
            String body, int segments) {
        UUID id = Ids.next();
        tx.executeWithoutResult(status -> {
            insert(id, tenant, account, channel, Message.Direction.OUTBOUND, null, null, null, null, null, recipient, sender,
                    null, body, segments);
            queued(tenant, new MessageId(id), account, channel, null);
        });
        return new MessageId(id);
    }

    public MessageId recordInbound(TenantId tenant, AccountId account, Channel channel, String from, String to, String body) {
        UUID id = Ids.next();
        tx.executeWithoutResult(status -> insert(id, tenant, account, channel, Message.Direction.INBOUND, null, null, null,
                null, null, from, to, null, body, 0));
        return new MessageId(id);
    }

    private void insert(UUID id, TenantId tenant, AccountId account, Channel channel, Message.Direction direction,
            TemplateId template, Integer version, UUID decision, UUID campaign, String key, String recipient, String sender,
            String subject, String body, int segments) {
        Instant at = clock.instant();
        Timestamp now = Timestamp.from(at);
        // A message a provider sends is due for the retry job once the dispatch lease runs out: should the node that
        // claimed it die before handing it over, another node sends it.
        boolean providerSends = direction == Message.Direction.OUTBOUND && channel != Channel.LETTER;
        Object[] row = {id, tenant.value(), account.value(), channel.name(), direction.name(), EventKind.QUEUED.name(),
                template == null ? null : template.value(), version, decision, campaign, key,
                cipher.encrypt(tenant, RECIPIENT, recipient), recipientIndex(tenant, recipient), sender,
                cipher.encrypt(tenant, SUBJECT, subject), cipher.encrypt(tenant, BODY, body), segments, now, now, 0,
                providerSends ? Timestamp.from(at.plus(DISPATCH_LEASE)) : null, null};
        // In a batch the row is written at commit, before the rows that refer to it; until then its transport
        // content is filled in here rather than by an update.
        TransactionMemo.put(PENDING_ROW, id, row);
        deferred.insertFirst("message", MESSAGE_COLUMNS, row);
    }

    public String recipientIndex(TenantId tenant, String recipient) {
        return recipient == null ? null : cipher.blindIndex(tenant, RECIPIENT, recipient.trim().toLowerCase(Locale.ROOT));
    }

    public Optional<MessageId> byIdempotencyKey(TenantId tenant, String key) {
        return jdbc.sql("select id from message where tenant_id = ? and idempotency_key = ?").params(tenant.value(), key)
                .query(UUID.class).optional().map(MessageId::new);
    }

    /** The newest message sent to this address, to thread a reply. */
    public record Sent(MessageId message, AccountId account) {
    }

    public Optional<Sent> latestSentTo(TenantId tenant, Channel channel, String address) {
        return jdbc.sql("""
                select id, account_id from message where tenant_id = ? and channel = ? and recipient_idx = ? and direction = 'OUTBOUND'
                order by created_at desc, id desc limit 1""")
                .params(tenant.value(), channel.name(), recipientIndex(tenant, address))
                .query((rs, n) -> new Sent(new MessageId(rs.getObject(1, UUID.class)), new AccountId(rs.getObject(2, UUID.class))))
                .optional();
    }

    public boolean exists(TenantId tenant, UUID id) {
        return jdbc.sql("select count(*) from message where tenant_id = ? and id = ?").params(tenant.value(), id)
                .query(Integer.class).single() > 0;
    }

    /** The tenant of a message known only by its id, e.g. from a provider's callback. */
    public Optional<TenantId> tenantOf(UUID id) {
        return jdbc.sql("select tenant_id from message where id = ?").param(id).query(UUID.class).optional().map(TenantId::new);
    }

    public Optional<MessageId> byProviderRef(TenantId tenant, String ref) {
        return jdbc.sql("select id from message where tenant_id = ? and provider_ref = ?").params(tenant.value(), ref)
                .query(UUID.class).optional().map(MessageId::new);
    }

    public void providerRef(TenantId tenant, MessageId id, String ref) {
        jdbc.sql("update message set provider_ref = ? where tenant_id = ? and id = ?").params(ref, tenant.value(), id.value())
                .update();
    }

    public String recipient(TenantId tenant, MessageId id) {
        return jdbc.sql("select recipient_enc from message where tenant_id = ? and id = ?").params(tenant.value(), id.value())
                .query(String.class).optional().map(sealed -> cipher.decrypt(tenant, RECIPIENT, sealed))
                .orElseThrow(() -> new NotFound("message", id));
    }

    public String body(TenantId tenant, MessageId id) {
        return jdbc.sql("select body_enc from message where tenant_id = ? and id = ?").params(tenant.value(), id.value())
                .query(String.class).optional().map(sealed -> cipher.decrypt(tenant, BODY, sealed)).orElse(null);
    }

    /**
     * The first event of a message just written: it is QUEUED already and has no other event, and queuing is not on the
     * timeline, so nothing needs reading first.
     */
    private void queued(TenantId tenant, MessageId id, AccountId account, Channel channel, UUID campaign) {
        Instant now = clock.instant();
        deferred.insert("message_event", EVENT_COLUMNS, Ids.next(), tenant.value(), id.value(), EventKind.QUEUED.name(),
                Timestamp.from(now), null);
        events.publishEvent(new MessageTracked(tenant, id, account, channel, EventKind.QUEUED, campaign, now));
    }

    /** Writes an event, moves the status on, tells the timeline the first time this kind happens to the message. */
    public void record(TenantId tenant, MessageId id, EventKind kind, String detail) {
        tx.executeWithoutResult(status -> event(tenant, id, kind, detail));
    }

    private void event(TenantId tenant, MessageId id, EventKind kind, String detail) {
        record Row(UUID account, Channel channel, Message.Direction direction, EventKind status, UUID campaign) {
        }
        Row row = jdbc.sql("select account_id, channel, direction, status, campaign_id from message where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), Channel.valueOf(rs.getString(2)),
                        Message.Direction.valueOf(rs.getString(3)), EventKind.valueOf(rs.getString(4)),
                        rs.getObject(5, UUID.class)))
                .optional().orElseThrow(() -> new NotFound("message", id));
        Instant now = clock.instant();
        boolean first = jdbc.sql("select count(*) from message_event where message_id = ? and kind = ?")
                .params(id.value(), kind.name()).query(Integer.class).single() == 0;
        String shortDetail = shorten(detail);
        jdbc.sql("insert into message_event (id, tenant_id, message_id, kind, at, detail) values (?, ?, ?, ?, ?, ?)")
                .params(Ids.next(), tenant.value(), id.value(), kind.name(), Timestamp.from(now), shortDetail).update();
        if (StatusLadder.moves(row.status(), kind)) {
            jdbc.sql("update message set status = ?, updated_at = ? where id = ?")
                    .params(kind.name(), Timestamp.from(now), id.value()).update();
        }
        if (first && kind != EventKind.QUEUED && row.direction() == Message.Direction.OUTBOUND) {
            history.record(Actor.system(tenant, "messaging"), new AccountId(row.account()), "message." + kind.name().toLowerCase(Locale.ROOT),
                    TimelineWording.of(row.channel(), kind, id, shortDetail), now);
        }
        events.publishEvent(new MessageTracked(tenant, id, new AccountId(row.account()), row.channel(), kind, row.campaign(), now));
    }

    /** The exact content handed to the provider, kept so that a retry sends the same thing (in the claim's transaction). */
    public void transport(TenantId tenant, MessageId id, String content) {
        Object[] pending = TransactionMemo.peek(PENDING_ROW, id.value());
        if (pending != null) {
            pending[MESSAGE_COLUMNS.indexOf("transport_enc")] = cipher.encrypt(tenant, TRANSPORT, content);
            return;
        }
        jdbc.sql("update message set transport_enc = ? where tenant_id = ? and id = ?")
                .params(cipher.encrypt(tenant, TRANSPORT, content), tenant.value(), id.value()).update();
    }

    /** A message waiting for its provider, as the delivery reads it. {@code approved} is false for system replies. */
    public record Pending(TenantId tenant, MessageId id, AccountId account, Channel channel, int attempts, String recipient,
            String sender, String body, String transport, boolean approved) {
    }

    /**
     * The queued messages among {@code ids} that a provider still has to take, read with one query (a batch of up to
     * a few hundred ids; ids that are not such a message are left out).
     */
    public List<Pending> pending(TenantId tenant, Collection<MessageId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, account_id, channel, attempts, recipient_enc, sender, body_enc, transport_enc, decision_id from message
                where tenant_id = :tenant and id in (:ids) and status = 'QUEUED' and direction = 'OUTBOUND' and channel <> 'LETTER'""")
                .param("tenant", tenant.value()).param("ids", ids.stream().map(MessageId::value).toList())
                .query((rs, n) -> new Pending(tenant, new MessageId(rs.getObject(1, UUID.class)), new AccountId(rs.getObject(2, UUID.class)),
                        Channel.valueOf(rs.getString(3)), rs.getInt(4), cipher.decrypt(tenant, RECIPIENT, rs.getString(5)),
                        rs.getString(6), rs.getString(7) == null ? null : cipher.decrypt(tenant, BODY, rs.getString(7)),
                        rs.getString(8) == null ? null : cipher.decrypt(tenant, TRANSPORT, rs.getString(8)), rs.getObject(9) != null))
                .list();
    }

    /** A queued message whose next attempt is due. */
    public record Due(TenantId tenant, MessageId id, int attempts) {
    }

    /** Queued messages whose dispatch died with its node or whose backoff has passed, across tenants, oldest due first. */
    public List<Due> due(Instant at, int limit) {
        return jdbc.sql("""
                select tenant_id, id, attempts from message
                where status = 'QUEUED' and next_attempt_at <= ? order by next_attempt_at, id limit ?""")
                .params(Timestamp.from(at), limit)
                .query((rs, n) -> new Due(new TenantId(rs.getObject(1, UUID.class)), new MessageId(rs.getObject(2, UUID.class)),
                        rs.getInt(3)))
                .list();
    }

    /**
     * Takes the next attempt at each of a tenant's queued messages, in one transaction: counts it and leases the
     * message until {@code leaseUntil}. Only one caller, on any node, wins an attempt: a message is taken only while
     * it still has the attempt count the caller saw (and, for the retry job, is still due).
     *
     * @param dueBy the instant the messages must be due by, or {@code null} for the hand-off right after the claim
     * @return the messages whose attempt this caller won
     */
    public List<Pending> takeAttempts(TenantId tenant, List<Pending> seen, Instant dueBy, Instant leaseUntil) {
        return leases.take(tenant, seen, dueBy, leaseUntil);
    }

    /** A provider took the message, with its reference and what the timeline says about the send ({@code null}: nothing). */
    public record Delivered(MessageId id, String providerRef, String detail) {
    }

    /**
     * The providers took these messages of a tenant: SENT, with the providers' references and no more attempts, in one
     * transaction.
     */
    public void delivered(TenantId tenant, List<Delivered> delivered) {
        if (delivered.isEmpty()) {
            return;
        }
        List<Object[]> refs = delivered.stream()
                .map(d -> new Object[] {d.providerRef(), tenant.value(), d.id().value()}).toList();
        tx.executeWithoutResult(status -> {
            batches.batchUpdate("update message set provider_ref = ?, next_attempt_at = null, last_error = null "
                    + "where tenant_id = ? and id = ?", refs);
            eventBatch.record(tenant, EventKind.SENT, delivered.stream()
                    .map(d -> new MessageEventBatch.Occurrence(d.id(), d.detail())).toList());
        });
    }

    /** An attempt failed and another is due at {@code retryAt}. */
    public void retryLater(TenantId tenant, MessageId id, Instant retryAt, String error) {
        jdbc.sql("update message set next_attempt_at = ?, last_error = ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(Timestamp.from(retryAt), shorten(error), Timestamp.from(clock.instant()), tenant.value(), id.value())
                .update();
    }

    /** No more attempts: FAILED with the reason, on the message and the account's timeline. */
    public void failed(TenantId tenant, MessageId id, String reason) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("update message set next_attempt_at = null, last_error = ? where tenant_id = ? and id = ?")
                    .params(shorten(reason), tenant.value(), id.value()).update();
            event(tenant, id, EventKind.FAILED, reason);
        });
    }

    static String shorten(String text) {
        return text == null ? null : text.length() > 500 ? text.substring(0, 500) : text;
    }

    public Optional<Message> find(TenantId tenant, MessageId id) {
        List<Message.Event> events = jdbc.sql("select kind, at, detail from message_event where tenant_id = ? and message_id = ? order by at, id")
                .params(tenant.value(), id.value())
                .query((rs, n) -> new Message.Event(EventKind.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
        return jdbc.sql("select * from message where tenant_id = ? and id = ?").params(tenant.value(), id.value())
                .query((rs, n) -> new Message(id, new AccountId(rs.getObject("account_id", UUID.class)),
                        Channel.valueOf(rs.getString("channel")), Message.Direction.valueOf(rs.getString("direction")),
                        EventKind.valueOf(rs.getString("status")),
                        rs.getObject("template_id", UUID.class) == null ? null : new TemplateId(rs.getObject("template_id", UUID.class)),
                        (Integer) rs.getObject("template_version"), rs.getObject("decision_id", UUID.class),
                        rs.getObject("campaign_id", UUID.class), rs.getInt("segments"), rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant(), events))
                .optional();
    }

    /** Per kind of event, how many of the campaign's messages had it at least once. */
    public Map<EventKind, Long> counts(TenantId tenant, UUID campaign) {
        Map<EventKind, Long> counts = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            counts.put(kind, 0L);
        }
        jdbc.sql("""
                select e.kind, count(distinct e.message_id) from message_event e join message m on m.id = e.message_id
                where m.tenant_id = ? and m.campaign_id = ? group by e.kind""")
                .params(tenant.value(), campaign)
                .query((rs, n) -> counts.put(EventKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }
}
