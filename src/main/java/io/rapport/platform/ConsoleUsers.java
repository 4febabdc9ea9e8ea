package io.rapport.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console users: creation with a hashed password, and the lock-out that stops password
 * guessing (after {@code rapport.security.max-failed-logins} failures in a row the user is
 * locked for {@code rapport.security.lockout-minutes}).
 */
@Service
public class ConsoleUsers {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final RapportProperties.Security settings;

    ConsoleUsers(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, Clock clock, RapportProperties properties) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.settings = properties.security();
    }

    @Transactional
    public ConsoleUser create(Actor by, String username, String displayName, Role role, String password) {
        if (username == null || !username.matches("[a-zA-Z0-9._@-]{2,100}")) {
            throw new IllegalArgumentException("username: 2 to 100 letters, digits, '.', '_', '@' or '-'");
        }
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("password: at least 12 characters");
        }
        UUID id = Ids.next();
        jdbc.sql("""
                insert into console_user (id, tenant_id, username, display_name, password_hash, role, failed_attempts, enabled, created_at)
                values (?, ?, ?, ?, ?, ?, 0, true, ?)""")
                .params(id, by.tenantId().value(), username.toLowerCase(), displayName, passwords.encode(password), role.name(),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(by, "user.created", "ConsoleUser", id, null, Map.of("username", username, "role", role.name()));
        return find(username).orElseThrow();
    }

    public Optional<ConsoleUser> find(String username) {
        return jdbc.sql("select * from console_user where username = ?").param(username.toLowerCase())
                .query((rs, n) -> map(rs)).optional();
    }

    /** The stored hash, for the sign-in check only. */
    public Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from console_user where username = ?").param(username.toLowerCase())
                .query(String.class).optional();
    }

    public List<ConsoleUser> list(TenantId tenant) {
        return jdbc.sql("select * from console_user where tenant_id = ? order by username").param(tenant.value())
                .query((rs, n) -> map(rs)).list();
    }

    /** Counts a failed sign-in and locks the user when the limit is reached. */
    @Transactional
    public void signInFailed(String username) {
        find(username).ifPresent(user -> {
            int failures = user.failedAttempts() + 1;
            Timestamp lockedUntil = failures >= settings.maxFailedLoginsOrDefault()
                    ? Timestamp.from(clock.instant().plus(Duration.ofMinutes(settings.lockoutMinutesOrDefault())))
                    : null;
            jdbc.sql("update console_user set failed_attempts = ?, locked_until = ? where id = ?")
                    .params(lockedUntil == null ? failures : 0, lockedUntil, user.id()).update();
            if (lockedUntil != null) {
                audit.record(user.asActor(), "user.locked-out", "ConsoleUser", user.id(), null,
                        Map.of("failedAttempts", failures, "lockedUntil", lockedUntil.toInstant().toString()));
            }
        });
    }

    @Transactional
    public void signInSucceeded(String username) {
        jdbc.sql("update console_user set failed_attempts = 0, locked_until = null where username = ?")
                .param(username.toLowerCase()).update();
    }

    private static ConsoleUser map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new ConsoleUser(rs.getObject("id", UUID.class), new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(), rs.getBoolean("enabled"));
    }
}
