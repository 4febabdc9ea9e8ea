package io.rapport.messaging;

import io.rapport.messaging.delivery.HandOvers;
import io.rapport.messaging.delivery.Lane;
import io.rapport.messaging.delivery.TransmissionFailed;
import io.rapport.messaging.email.EmailChannel;
import io.rapport.messaging.sms.SmsChannel;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands queued messages to their providers, never inside a database transaction: a message is claimed (QUEUED, its
 * final content stored) in the sender's transaction and handed over only once that commits, so a rolled-back send
 * never reaches anyone and a committed one is never lost. Each attempt is taken by one node only (a conditional
 * update on the attempt count); a failed attempt is retried after 30 s, 2 min, 10 min and 1 h, and the message is
 * marked FAILED with the reason after the fifth. A message whose hand-over died with its node is taken by the retry
 * job once its lease runs out ({@link #retryDue}). A crash after the provider took a message but before SENT was
 * written can still send it twice; an email then carries the same Message-ID, an SMS the same message id.
 * <p>
 * Messages go in batches of up to {@value #BATCH} of one tenant and one channel: one query reads them, one
 * transaction takes their attempts, one SMTP connection carries a batch of emails, and one transaction records the
 * ones the provider took as SENT; a message the provider did not take is retried or failed on its own. Emails and
 * texts have their own dispatcher threads, so texts paced at the carriers' rate never hold emails back.
 */
@Service
public class MessageDelivery implements DisposableBean {

    /** The waits after the 1st, 2nd, 3rd and 4th failed attempt; the 5th failure is final. */
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofHours(1));
    public static final int MAX_ATTEMPTS = BACKOFF.size() + 1;
    /** The most messages one batch hands over. */
    static final int BATCH = 100;
    private static final int DUE_PER_PASS = 200;
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);

    private final MessageLog messages;
    private final EmailChannel email;
    private final SmsChannel sms;
    private final Clock clock;
    /** Messages whose claim has committed, before it is known which channel's lane they go to. */
    private final Lane<Committed> committed;
    private final Lane<MessageLog.Pending> emails;
    private final Lane<MessageLog.Pending> texts;

    /** A message whose claim committed, waiting for its first attempt. */
    private record Committed(TenantId tenant, MessageId id) {
    }

    MessageDelivery(MessageLog messages, EmailChannel email, SmsChannel sms, Clock clock,
            @Value("${rapport.delivery.dispatch-threads:2}") int threads) {
        this.messages = messages;
        this.email = email;
        this.sms = sms;
        this.clock = clock;
        this.emails = new Lane<>("message-dispatch-email", threads, BATCH, batch -> firstAttempts(Channel.EMAIL, batch));
        this.texts = new Lane<>("message-dispatch-sms", threads, sms.textsPerBatch(), batch -> firstAttempts(Channel.SMS, batch));
        this.committed = new Lane<>("message-dispatch", 1, BATCH, this::sortIntoLanes);
    }

    /**
     * Hands a just-claimed message to its provider once the caller's transaction commits (on a dispatcher thread,
     * together with the other messages of that transaction), or at once on this thread when there is no transaction
     * (the claim has committed already). Nothing is sent when the transaction rolls back.
     */
    public void afterCommit(TenantId tenant, MessageId id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            thisTransactionsMessages().add(new Committed(tenant, id));
        } else {
            try {
                attemptAll(tenant, firstAttemptsOf(tenant, List.of(id)), null, clock.instant());
            } catch (RuntimeException e) {
                // The lease runs out and the retry job tries again.
                log.warn("Handing message {} to its provider failed: {}", id, e.toString());
            }
        }
    }

    /**
     * One pass of the retry job: every queued message due at {@code at} (a failed attempt whose backoff has passed,
     * or a hand-over that died with its node) gets its next attempt, unless another node takes it first.
     *
     * @return how many attempts this pass made
     */
    public int retryDue(Instant at) {
        int made = 0;
        for (int passes = 0; passes < 10; passes++) {
            List<MessageLog.Due> due = messages.due(at, DUE_PER_PASS);
            for (var tenant : grouped(due, MessageLog.Due::tenant).entrySet()) {
                for (List<MessageLog.Due> chunk : chunks(tenant.getValue(), BATCH)) {
                    Map<MessageId, Integer> seen = chunk.stream()
                            .collect(Collectors.toMap(MessageLog.Due::id, MessageLog.Due::attempts));
                    List<MessageLog.Pending> stillDue = messages.pending(tenant.getKey(), seen.keySet()).stream()
                            .filter(p -> seen.get(p.id()) == p.attempts()).toList();
                    made += attemptAll(tenant.getKey(), stillDue, at, at);
                }
            }
            if (due.size() < DUE_PER_PASS) {
                break;
            }
        }
        return made;
    }

    /** The list the messages of the current transaction are collected in, handed to the dispatcher after its commit. */
    private List<Committed> thisTransactionsMessages() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof HandOverAfterCommit handOver && handOver.isFor(this)) {
                return handOver.messages;
            }
        }
        HandOverAfterCommit handOver = new HandOverAfterCommit();
        TransactionSynchronizationManager.registerSynchronization(handOver);
        return handOver.messages;
    }

    /** Puts one transaction's messages on the dispatcher's queue together, so they go out in the same batches. */
    private final class HandOverAfterCommit implements TransactionSynchronization {
        private final List<Committed> messages = new ArrayList<>();

        boolean isFor(MessageDelivery delivery) {
            return delivery == MessageDelivery.this;
        }

        @Override
        public void afterCommit() {
            committed.addAll(messages);
        }
    }

    /** Reads a batch of just-committed messages and queues each on its channel's lane. */
    private void sortIntoLanes(List<Committed> batch) {
        for (var tenant : grouped(batch, Committed::tenant).entrySet()) {
            try {
                Map<Channel, List<MessageLog.Pending>> byChannel = grouped(firstAttemptsOf(tenant.getKey(),
                        tenant.getValue().stream().map(Committed::id).toList()), MessageLog.Pending::channel);
                emails.addAll(byChannel.getOrDefault(Channel.EMAIL, List.of()));
                texts.addAll(byChannel.getOrDefault(Channel.SMS, List.of()));
            } catch (RuntimeException e) {
                // Their lease runs out and the retry job tries again.
                log.warn("Reading {} messages to hand over failed: {}", tenant.getValue().size(), e.toString());
            }
        }
    }

    /** The messages still waiting for their first attempt (none taken yet, by this node or another). */
    private List<MessageLog.Pending> firstAttemptsOf(TenantId tenant, List<MessageId> ids) {
        return messages.pending(tenant, ids).stream().filter(p -> p.attempts() == 0).toList();
    }

    /** A lane's batch of one channel: the first attempt at each message, per tenant. */
    private void firstAttempts(Channel channel, List<MessageLog.Pending> batch) {
        for (var tenant : grouped(batch, MessageLog.Pending::tenant).entrySet()) {
            try {
                attempt(tenant.getKey(), channel, tenant.getValue(), null, clock.instant());
            } catch (RuntimeException e) {
                // Their lease runs out and the retry job tries again.
                log.warn("Handing {} messages to their provider failed: {}", tenant.getValue().size(), e.toString());
            }
        }
    }

    /** Attempts a tenant's messages of any channel, in batches per channel. @return how many attempts were made */
    private int attemptAll(TenantId tenant, List<MessageLog.Pending> pending, Instant dueBy, Instant at) {
        int made = 0;
        for (var channel : grouped(pending, MessageLog.Pending::channel).entrySet()) {
            for (List<MessageLog.Pending> batch : chunks(channel.getValue(), batchSize(channel.getKey()))) {
                made += attempt(tenant, channel.getKey(), batch, dueBy, at);
            }
        }
        return made;
    }

    /**
     * Takes the attempts at a batch of one tenant and one channel, hands the messages won to the provider, and records
     * what became of each.
     *
     * @return how many attempts this caller made (none for the messages another node took first)
     */
    private int attempt(TenantId tenant, Channel channel, List<MessageLog.Pending> batch, Instant dueBy, Instant at) {
        List<MessageLog.Pending> won = messages.takeAttempts(tenant, batch, dueBy, at.plus(MessageLog.DISPATCH_LEASE));
        if (won.isEmpty()) {
            return 0;
        }
        HandOvers outcome = switch (channel) {
            case EMAIL -> email.transmit(won);
            case SMS -> sms.transmit(won);
            case LETTER -> throw new IllegalStateException("letters go out in print batches");
        };
        recordSent(tenant, outcome.taken().entrySet().stream()
                .map(sent -> new MessageLog.Delivered(sent.getKey(), sent.getValue().providerRef(), sent.getValue().detail()))
                .toList());
        Map<MessageId, Integer> attempts = won.stream()
                .collect(Collectors.toMap(MessageLog.Pending::id, p -> p.attempts() + 1));
        outcome.notTaken().forEach((id, failure) -> failedAttempt(tenant, id, attempts.get(id), failure, at));
        return won.size();
    }

    /**
     * Records the batch as SENT in one transaction; should that fail, one message at a time, so that one message
     * that cannot be recorded does not leave the rest of its batch to be sent again when their lease runs out.
     */
    private void recordSent(TenantId tenant, List<MessageLog.Delivered> sent) {
        try {
            messages.delivered(tenant, sent);
        } catch (RuntimeException batchFailed) {
            if (sent.size() == 1) {
                throw batchFailed;
            }
            log.warn("Recording {} messages as sent failed ({}); recording them one by one", sent.size(), batchFailed.toString());
            for (MessageLog.Delivered one : sent) {
                try {
                    messages.delivered(tenant, List.of(one));
                } catch (RuntimeException failed) {
                    // The provider has it; the retry job hands it over again once the lease runs out.
                    log.warn("Recording message {} as sent failed: {}", one.id(), failed.toString());
                }
            }
        }
    }

    private void failedAttempt(TenantId tenant, MessageId id, int attempt, TransmissionFailed failure, Instant at) {
        if (failure.isPermanent()) {
            messages.failed(tenant, id, failure.getMessage());
        } else if (attempt >= MAX_ATTEMPTS) {
            messages.failed(tenant, id, failure.getMessage() + " (attempt " + attempt + " of " + MAX_ATTEMPTS + ", no more)");
        } else {
            Instant next = at.plus(BACKOFF.get(attempt - 1));
            log.warn("Attempt {} at message {} failed ({}), next at {}", attempt, id, failure.getMessage(), next);
            messages.retryLater(tenant, id, next, failure.getMessage());
        }
    }

    private int batchSize(Channel channel) {
        return channel == Channel.SMS ? sms.textsPerBatch() : BATCH;
    }

    /** The items by key, keys and items in the order they came. */
    private static <K, T> Map<K, List<T>> grouped(List<T> items, Function<T, K> key) {
        Map<K, List<T>> grouped = new LinkedHashMap<>();
        for (T item : items) {
            grouped.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        return grouped;
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }

    /**
     * Hands over what is already queued for up to ten seconds. A message still queued then stays QUEUED in the
     * database, and the retry job (on any node) sends it once its lease runs out.
     */
    @Override
    public void destroy() throws InterruptedException {
        Instant deadline = Instant.now().plus(SHUTDOWN_PATIENCE);
        committed.close(deadline);
        emails.close(deadline);
        texts.close(deadline);
        int left = committed.waiting() + emails.waiting() + texts.waiting();
        if (left > 0) {
            log.info("{} messages were left queued at shutdown; the retry job hands them over once their lease runs out", left);
        }
    }
}
