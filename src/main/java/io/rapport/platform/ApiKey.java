package io.rapport.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as stored: only its public prefix and a hash of its secret. The full key is
 * shown once, when it is issued. Lifecycle: issued, used, revoked (never reactivated).
 */
public record ApiKey(UUID id, TenantId tenantId, String name, String prefix, Instant createdAt, String createdBy,
        Instant lastUsedAt, Instant revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
