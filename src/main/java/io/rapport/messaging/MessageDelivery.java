package io.rapport.messaging;

import io.rapport.messaging.delivery.Transmission;
import io.rapport.messaging.delivery.TransmissionFailed;
import io.rapport.messaging.email.EmailChannel;
import io.rapport.messaging.sms.SmsChannel;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 */
@Service
public class MessageDelivery implements DisposableBean {

    /** The waits after the 1st, 2nd, 3rd and 4th failed attempt; the 5th failure is final. */
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofHours(1));
    public static final int MAX_ATTEMPTS = BACKOFF.size() + 1;
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);

    private final MessageLog messages;
    private final EmailChannel email;
    private final SmsChannel sms;
    private final Clock clock;
    private final ExecutorService dispatcher;

    MessageDelivery(MessageLog messages, EmailChannel email, SmsChannel sms, Clock clock,
            @Value("${rapport.delivery.dispatch-threads:2}") int threads) {
        this.messages = messages;
        this.email = email;
        this.sms = sms;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.dispatcher = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "message-dispatch-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Hands a just-claimed message to its provider once the caller's transaction commits (on a dispatcher thread), or
     * at once on this thread when there is no transaction (the claim has committed already). Nothing is sent when
     * the transaction rolls back.
     */
    public void afterCommit(TenantId tenant, MessageId id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.execute(() -> firstAttempt(tenant, id));
                }
            });
        } else {
            firstAttempt(tenant, id);
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
        for (int batches = 0; batches < 10; batches++) {
            List<MessageLog.Due> due = messages.due(at, BATCH);
            for (MessageLog.Due message : due) {
                if (attempt(message.tenant(), message.id(), message.attempts(), at, at)) {
                    made++;
                }
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return made;
    }

    private void firstAttempt(TenantId tenant, MessageId id) {
        try {
            attempt(tenant, id, 0, null, clock.instant());
        } catch (RuntimeException e) {
            // The lease runs out and the retry job tries again.
            log.warn("Handing message {} to its provider failed: {}", id, e.toString());
        }
    }

    /** @return whether this caller made the attempt (false when another node took it, or nothing was left to send) */
    private boolean attempt(TenantId tenant, MessageId id, int seenAttempts, Instant dueBy, Instant at) {
        var pending = messages.pending(tenant, id);
        if (pending.isEmpty() || pending.get().attempts() != seenAttempts
                || !messages.takeAttempt(tenant, id, seenAttempts, dueBy, at.plus(MessageLog.DISPATCH_LEASE))) {
            return false;
        }
        int attempt = seenAttempts + 1;
        try {
            Transmission sent = switch (pending.get().channel()) {
                case EMAIL -> email.transmit(pending.get());
                case SMS -> sms.transmit(pending.get());
                case LETTER -> throw new IllegalStateException("letters go out in print batches");
            };
            messages.delivered(tenant, id, sent.providerRef(), sent.detail());
        } catch (TransmissionFailed failure) {
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
        return true;
    }

    @Override
    public void destroy() throws InterruptedException {
        dispatcher.shutdown();
        dispatcher.awaitTermination(10, TimeUnit.SECONDS);
    }
}
