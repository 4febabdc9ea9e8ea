package io.rapport.messaging;

import io.rapport.accounts.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message to or from a consumer with everything that happened to it. Lifecycle: written as QUEUED together with its
 * idempotency key, handed to its provider once that commits and retried with backoff ({@code attempts} counts the
 * provider calls), then SENT (or FAILED after the last attempt), then moved on by delivery reports, opens, clicks, replies,
 * bounces and returned mail; never deleted.
 */
public record Message(MessageId id, AccountId accountId, Channel channel, Direction direction, EventKind status,
        TemplateId templateId, Integer templateVersion, UUID decisionId, UUID campaignId, int segments, int attempts, Instant createdAt,
        List<Event> events) {

    public enum Direction { OUTBOUND, INBOUND }

    public record Event(EventKind kind, Instant at, String detail) {
    }
}
