package io.rapport.platform;

import java.util.UUID;

/** Identifies a tenant: one agency or accounts-receivable department, isolated from all others. */
public record TenantId(UUID value) {

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
