package io.rapport.platform;

import java.time.Instant;

/** An agency or accounts-receivable department. Lifecycle: created once, never shares data. */
public record Tenant(TenantId id, String name, Instant createdAt) {
}
