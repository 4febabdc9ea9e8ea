package io.rapport.messaging;

import io.rapport.accounts.AccountId;
import io.rapport.platform.TenantId;
import java.time.Instant;
import java.util.UUID;

/** Something happened to a message: it was sent, delivered, opened, clicked, replied to, bounced, failed or returned. */
public record MessageTracked(TenantId tenant, MessageId message, AccountId account, Channel channel, EventKind kind,
        UUID campaignId, Instant at) {
}
