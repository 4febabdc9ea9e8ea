package io.rapport.messaging.spi;

import io.rapport.platform.TenantId;
import java.util.UUID;

/**
 * A text ready for the network: sender and recipient in E.164, the final body with its disclosures, and how many
 * segments it takes. {@code messageId} is Rapport's id, for the provider's status callbacks.
 */
public record OutgoingSms(TenantId tenant, UUID messageId, String from, String to, String body, int segments,
        String encoding) {
}
