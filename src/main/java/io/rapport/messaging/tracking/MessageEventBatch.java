package io.rapport.messaging.tracking;

import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountId;
import io.rapport.messaging.Channel;
import io.rapport.messaging.EventKind;
import io.rapport.messaging.Message;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.MessageTracked;
import io.rapport.platform.Actor;
import io.rapport.platform.BulkInsert;
import io.rapport.platform.Ids;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One kind of event for many messages of a tenant at once, in the caller's transaction: the same outcome as recording
 * each on its own (the event row, the status moved on where the ladder allows, the timeline entry the first time this
 * kind happens to the message, {@link MessageTracked}), in a handful of statements for the whole batch.
 */
@Component
class MessageEventBatch {

    private static final List<String> COLUMNS = List.of("id", "tenant_id", "message_id", "kind", "at", "detail");

    /** The event of one message, with what the timeline says about it ({@code null} for nothing). */
    record Occurrence(MessageId message, String detail) {
    }

    private record Row(AccountId account, Channel channel, Message.Direction direction, EventKind status, UUID campaign) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final BulkInsert bulk;
    private final AccountHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageEventBatch(JdbcClient jdbc, JdbcTemplate batches, BulkInsert bulk, AccountHistory history,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.bulk = bulk;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /** Records {@code kind} for each occurrence; call it inside a transaction, with at most a few hundred messages. */
    void record(TenantId tenant, EventKind kind, List<Occurrence> occurrences) {
        if (occurrences.isEmpty()) {
            return;
        }
        List<UUID> ids = occurrences.stream().map(o -> o.message().value()).toList();
        Map<UUID, Row> rows = rows(tenant, ids);
        Set<UUID> hadItBefore = new HashSet<>(jdbc.sql("""
                select distinct message_id from message_event where tenant_id = :tenant and kind = :kind and message_id in (:ids)""")
                .param("tenant", tenant.value()).param("kind", kind.name()).param("ids", ids)
                .query(UUID.class).list());
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        List<Object[]> eventRows = new ArrayList<>(occurrences.size());
        List<Object[]> statusMoves = new ArrayList<>();
        for (Occurrence o : occurrences) {
            Row row = rowOf(rows, o.message());
            eventRows.add(new Object[] {Ids.next(), tenant.value(), o.message().value(), kind.name(), at, MessageLog.shorten(o.detail())});
            if (StatusLadder.moves(row.status(), kind)) {
                statusMoves.add(new Object[] {kind.name(), at, o.message().value()});
            }
        }
        bulk.insert("message_event", COLUMNS, eventRows);
        if (!statusMoves.isEmpty()) {
            batches.batchUpdate("update message set status = ?, updated_at = ? where id = ?", statusMoves);
        }
        for (Occurrence o : occurrences) {
            Row row = rowOf(rows, o.message());
            boolean first = hadItBefore.add(o.message().value());
            if (first && kind != EventKind.QUEUED && row.direction() == Message.Direction.OUTBOUND) {
                history.record(Actor.system(tenant, "messaging"), row.account(), "message." + kind.name().toLowerCase(Locale.ROOT),
                        TimelineWording.of(row.channel(), kind, o.message(), MessageLog.shorten(o.detail())), now);
            }
            events.publishEvent(new MessageTracked(tenant, o.message(), row.account(), row.channel(), kind, row.campaign(), now));
        }
    }

    private Map<UUID, Row> rows(TenantId tenant, List<UUID> ids) {
        Map<UUID, Row> rows = new HashMap<>();
        jdbc.sql("""
                select id, account_id, channel, direction, status, campaign_id from message
                where tenant_id = :tenant and id in (:ids)""")
                .param("tenant", tenant.value()).param("ids", ids)
                .query((rs, n) -> rows.put(rs.getObject(1, UUID.class), new Row(new AccountId(rs.getObject(2, UUID.class)),
                        Channel.valueOf(rs.getString(3)), Message.Direction.valueOf(rs.getString(4)),
                        EventKind.valueOf(rs.getString(5)), rs.getObject(6, UUID.class))))
                .list();
        return rows;
    }

    private static Row rowOf(Map<UUID, Row> rows, MessageId id) {
        Row row = rows.get(id.value());
        if (row == null) {
            throw new NotFound("message", id);
        }
        return row;
    }
}
