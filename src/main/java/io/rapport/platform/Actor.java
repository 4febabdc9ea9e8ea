package io.rapport.platform;

/**
 * Who is acting: a console user, an API key or the system itself, always inside one tenant.
 * It is what the audit log and the account history write as "who".
 */
public record Actor(TenantId tenantId, String name, Kind kind, Role role) {

    public enum Kind { USER, API_KEY, SYSTEM }

    public static Actor system(TenantId tenantId, String what) {
        return new Actor(tenantId, "system:" + what, Kind.SYSTEM, Role.ADMIN);
    }

    /** The label written into history and audit entries, e.g. {@code user:maria} or {@code api-key:crm}. */
    public String label() {
        return switch (kind) {
            case USER -> "user:" + name;
            case API_KEY -> "api-key:" + name;
            case SYSTEM -> name;
        };
    }
}
