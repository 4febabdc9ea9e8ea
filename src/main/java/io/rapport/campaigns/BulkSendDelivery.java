package io.rapport.campaigns;

import io.rapport.accounts.AccountId;
import io.rapport.messaging.Channel;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.Money;
import io.rapport.platform.SqlIn;
import io.rapport.platform.TransactionMemo;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a bulk send's queued rows: chunks of pending items in row order, in batches spread over a few worker threads
 * (each channel paces itself after the commit: texts per sender, email as fast as the server takes it). Each batch is
 * one transaction that claims its items, creates their payment requests and records the outcomes; the request's source key
 * ({@code bulk:<bulk send>:<row>}) and the outreach idempotency key make a rerun after a crash answer the request
 * already made instead of sending it again.
 */
@Component
class BulkSendDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BulkSendDelivery.class);
    /** Rows sent in one transaction. */
    private static final int BATCH = 100;
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final PaymentRequests requests;
    private final ConsumerDataCipher cipher;
    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService workers;
    /** Rows read from the queue at a time: one batch for each worker. */
    private final int chunkSize;
    /** A test's stand-in for a node that dies: the next run stops after this many items, leaving the rest pending. */
    private volatile int stopAfter = Integer.MAX_VALUE;

    BulkSendDelivery(PaymentRequests requests, ConsumerDataCipher cipher, JdbcClient jdbc, JdbcTemplate batchJdbc,
            TransactionTemplate transactions, JsonMapper json, Clock clock, @Value("${rapport.bulk-sends.concurrency:3}") int concurrency) {
        this.requests = requests;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.chunkSize = Math.max(1, concurrency) * BATCH;
        this.workers = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread thread = new Thread(r, "bulk-send-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One queued row. */
    record Item(UUID id, long row, AccountId account, Channel channel, Money amount, PaymentRequest.SettlementOffer offer,
            String fieldsEnc) {
    }

    /**
     * Sends every pending item; answers whether the queue is empty (false when the run stopped early: the bulk send
     * was cancelled, or items are left for a resumed run).
     */
    boolean run(BulkSends.Job job) {
        int limit = stopAfter;
        stopAfter = Integer.MAX_VALUE;
        long after = 0;
        int handled = 0;
        while (true) {
            if (!stillSending(job)) {
                return false;
            }
            List<Item> chunk = pending(job, after, Math.min(chunkSize, limit - handled));
            if (chunk.isEmpty()) {
                break;
            }
            List<Future<?>> running = new ArrayList<>();
            for (int from = 0; from < chunk.size(); from += BATCH) {
                List<Item> batch = chunk.subList(from, Math.min(chunk.size(), from + BATCH));
                running.add(workers.submit(() -> handle(job, batch)));
            }
            for (Future<?> future : running) {
                await(future);
            }
            handled += chunk.size();
            after = chunk.get(chunk.size() - 1).row();
            jdbc.sql("update bulk_send set heartbeat_at = ? where id = ? and status = 'SENDING'")
                    .params(Timestamp.from(clock.instant()), job.id()).update();
            if (handled >= limit) {
                return false;
            }
        }
        return jdbc.sql("select count(*) from bulk_send_item where bulk_send_id = ? and status = 'PENDING'")
                .param(job.id()).query(Long.class).single() == 0;
    }

    /** For tests: the next run handles this many items and stops as if its node had died. */
    void stopNextRunAfter(int items) {
        stopAfter = items;
    }

    private boolean stillSending(BulkSends.Job job) {
        return jdbc.sql("select status from bulk_send where id = ?").param(job.id()).query(String.class).optional()
                .filter("SENDING"::equals).isPresent();
    }

    List<Item> pending(BulkSends.Job job, long afterRow, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.sql("""
                select id, row_number, account_id, channel, amount_minor, currency, settlement_amount_minor,
                    settlement_valid_until, fields_enc
                from bulk_send_item where bulk_send_id = ? and status = 'PENDING' and row_number > ?
                order by row_number fetch first %d rows only""".formatted(limit))
                .params(job.id(), afterRow)
                .query((rs, n) -> {
                    String currency = rs.getString("currency");
                    long amount = rs.getLong("amount_minor");
                    Money asked = rs.wasNull() ? null : Money.of(amount, currency);
                    long settlement = rs.getLong("settlement_amount_minor");
                    PaymentRequest.SettlementOffer offer = rs.wasNull() ? null : new PaymentRequest.SettlementOffer(
                            Money.of(settlement, currency), rs.getObject("settlement_valid_until", LocalDate.class));
                    return new Item(rs.getObject("id", UUID.class), rs.getLong("row_number"),
                            new AccountId(rs.getObject("account_id", UUID.class)), Channel.valueOf(rs.getString("channel")),
                            asked, offer, rs.getString("fields_enc"));
                })
                .list();
    }

    /**
     * Sends a batch of items in one transaction, so that a batch costs one commit rather than one per row. Messages
     * leave only after the commit (the delivery outbox), so a batch that fails is rolled back without anyone having
     * been contacted, and its items are then sent one transaction each: the row that cannot be sent is reported and
     * the others go on.
     */
    private void handle(BulkSends.Job job, List<Item> batch) {
        if (batch.size() > 1) {
            try {
                transactions.executeWithoutResult(tx -> {
                    // Every row reads its account several times, and all rows the same templates and creditor.
                    TransactionMemo.open();
                    List<Item> claimed = claim(batch);
                    requests.prepare(job.tenant(), claimed.stream().map(Item::account).toList(),
                            claimed.stream().map(item -> sourceKey(job.id(), item.row())).toList(), true);
                    List<Object[]> outcomes = new ArrayList<>(claimed.size());
                    Timestamp now = Timestamp.from(clock.instant());
                    for (Item item : claimed) {
                        PaymentRequest request = createRequest(job, item);
                        outcomes.add(new Object[] {request.status() == PaymentRequestStatus.BLOCKED ? "BLOCKED" : "SENT",
                                request.id().value(), now, item.id()});
                    }
                    batchJdbc.batchUpdate("""
                            update bulk_send_item set status = ?, payment_request_id = ?, failure = null, updated_at = ?
                            where id = ?""", outcomes);
                });
                return;
            } catch (RuntimeException e) {
                log.debug("Bulk send {}: a batch from row {} failed ({}), sending its rows one by one", job.id(),
                        batch.get(0).row(), e.toString());
            }
        }
        for (Item item : batch) {
            handle(job, item);
        }
    }

    /**
     * The batch's items still pending, locked until the transaction ends: another node handling the same items waits,
     * then finds them done.
     */
    private List<Item> claim(List<Item> batch) {
        List<UUID> ids = batch.stream().map(Item::id).toList();
        Set<UUID> pending = new HashSet<>(jdbc.sql("select id from bulk_send_item where id in (" + SqlIn.placeholders(ids)
                        + ") and status = 'PENDING' for update")
                .params(SqlIn.params(ids)).query(UUID.class).list());
        return batch.stream().filter(item -> pending.contains(item.id())).toList();
    }

    /** Claims the item and sends its request, in the caller's transaction; an item claimed already is left alone. */
    private void send(BulkSends.Job job, Item item) {
        // The claim takes the row's lock: another node handling the same item waits, then finds it taken.
        int claimed = jdbc.sql("update bulk_send_item set status = 'SENDING' where id = ? and status = 'PENDING'")
                .param(item.id()).update();
        if (claimed == 0) {
            return;
        }
        PaymentRequest request = createRequest(job, item);
        finish(item, request.status() == PaymentRequestStatus.BLOCKED ? "BLOCKED" : "SENT", request.id().value(), null);
    }

    private void handle(BulkSends.Job job, Item item) {
        try {
            transactions.executeWithoutResult(tx -> send(job, item));
        } catch (RuntimeException e) {
            // The row could not become a request now (the account was paid or closed since the file was checked,
            // a template no longer renders for it): it is reported and the others go on.
            log.warn("Bulk send {} row {} failed: {}", job.id(), item.row(), e.getMessage());
            transactions.executeWithoutResult(tx -> jdbc.sql("""
                    update bulk_send_item set status = 'FAILED', failure = ?, updated_at = ? where id = ? and status = 'PENDING'""")
                    .params(reason(e), Timestamp.from(clock.instant()), item.id()).update());
        }
    }

    /** Creates (or, when it exists, finds) the item's payment request, sending it; the item itself is not marked. */
    PaymentRequest createRequest(BulkSends.Job job, Item item) {
        Map<String, String> fields = item.fieldsEnc() == null ? Map.of()
                : json.readValue(cipher.decrypt(job.tenant(), BulkSendValidation.FIELDS, item.fieldsEnc()), FIELDS);
        return requests.create(job.actor(), new NewPaymentRequest(item.account(), item.amount(), List.of(item.channel()),
                job.expiresAt(), true, item.offer(), job.template(), sourceKey(job.id(), item.row()), job.id(), fields));
    }

    static String sourceKey(UUID bulkSendId, long row) {
        return "bulk:" + bulkSendId + ":" + row;
    }

    private void finish(Item item, String status, UUID paymentRequest, String failure) {
        jdbc.sql("update bulk_send_item set status = ?, payment_request_id = ?, failure = ?, updated_at = ? where id = ?")
                .params(status, paymentRequest, failure, Timestamp.from(clock.instant()), item.id()).update();
    }

    private static String reason(RuntimeException e) {
        String message = e instanceof io.rapport.platform.InvalidRequest invalid
                ? String.join("; ", invalid.errors().stream().map(error -> error.field() + " " + error.message()).toList())
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the bulk send was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
