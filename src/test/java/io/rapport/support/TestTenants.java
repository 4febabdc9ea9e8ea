package io.rapport.support;

import io.rapport.platform.Actor;
import io.rapport.platform.ApiKeys;
import io.rapport.platform.ConsoleUsers;
import io.rapport.platform.Role;
import io.rapport.platform.Tenant;
import io.rapport.platform.TenantId;
import io.rapport.platform.Tenants;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Creates a fresh tenant with an API key and one console user per role. */
@TestComponent
public class TestTenants {

    public static final String PASSWORD = "correct horse battery staple";

    private final Tenants tenants;
    private final ConsoleUsers users;
    private final ApiKeys apiKeys;

    TestTenants(Tenants tenants, ConsoleUsers users, ApiKeys apiKeys) {
        this.tenants = tenants;
        this.users = users;
        this.apiKeys = apiKeys;
    }

    /** A tenant and its credentials; usernames are {@code <role>-<suffix>}, e.g. {@code admin-3f2a1b}. */
    public record TestTenant(TenantId id, String apiKey, String suffix, Actor system) {
        public String username(Role role) {
            return role.name().toLowerCase() + "-" + suffix;
        }
    }

    public TestTenant create(String name) {
        Tenant tenant = tenants.create(name);
        Actor system = Actor.system(tenant.id(), "test");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        for (Role role : Role.values()) {
            users.create(system, role.name().toLowerCase() + "-" + suffix, role.name() + " " + name, role, PASSWORD);
        }
        String key = apiKeys.issue(system, "test key").secret();
        return new TestTenant(tenant.id(), key, suffix, system);
    }
}
