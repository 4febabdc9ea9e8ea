package io.rapport.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * A person who signs in to the console. Lifecycle: created by an admin, may be locked out for
 * a while after repeated failed sign-ins, may be disabled; never deleted, so history keeps
 * naming them.
 */
public record ConsoleUser(UUID id, TenantId tenantId, String username, String displayName, Role role,
        int failedAttempts, Instant lockedUntil, boolean enabled) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Actor asActor() {
        return new Actor(tenantId, username, Actor.Kind.USER, role);
    }
}
