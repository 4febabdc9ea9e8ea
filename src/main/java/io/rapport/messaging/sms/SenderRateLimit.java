package io.rapport.messaging.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Spaces the texts of each sender number evenly, as carriers require (a long code takes about one message a
 * second). Each send reserves the sender's next free slot and waits for it; different senders do not wait for each
 * other. The limit holds per node.
 */
public class SenderRateLimit {

    private final Duration interval;
    private final ConcurrentMap<String, Instant> nextFree = new ConcurrentHashMap<>();

    public SenderRateLimit(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("per-sender-per-second: must be more than 0");
        }
        this.interval = Duration.ofNanos((long) (1_000_000_000L / perSecond));
    }

    /** Reserves the next slot of this sender; @return how long to wait before sending in it */
    public Duration reserve(String sender, Instant now) {
        Instant[] slot = new Instant[1];
        nextFree.compute(sender, (key, free) -> {
            Instant start = free == null || free.isBefore(now) ? now : free;
            slot[0] = start;
            return start.plus(interval);
        });
        return Duration.between(now, slot[0]);
    }
}
