package io.rapport.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * One change, as the audit log keeps it: who, when, what, and the state before and after
 * (JSON, decrypted for the reader; stored encrypted because it can hold consumer data).
 */
public record AuditEntry(UUID id, Instant at, String actor, String action, String entityType, String entityId,
        String before, String after) {
}
