package io.rapport.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, verifies and revokes tenant API keys. A key reads {@code rk_<prefix>_<secret>}; the
 * prefix finds the row, the secret is compared by its SHA-256 hash in constant time. A salted
 * slow hash is not needed: the secret is 32 random bytes, not a password a person chose.
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** An issued key: {@code secret} is the whole key, to be shown once and never again. */
    public record Issued(ApiKey key, String secret) {
    }

    @Transactional
    public Issued issue(Actor by, String name) {
        return store(by, name, "rk_" + random(8) + "_" + random(40));
    }

    /**
     * Registers a key whose full text the operator chose (the demo's {@code RAPPORT_DEMO_API_KEY}).
     * It must still look like a key, so that its prefix is unique and findable.
     */
    @Transactional
    public Issued register(Actor by, String name, String fullKey) {
        if (parse(fullKey) == null) {
            throw new IllegalArgumentException("an API key must read rk_<8 letters or digits>_<at least 24 letters or digits>");
        }
        return store(by, name, fullKey);
    }

    private Issued store(Actor by, String name, String fullKey) {
        String[] parts = parse(fullKey);
        ApiKey key = new ApiKey(Ids.next(), by.tenantId(), name, parts[0], clock.instant(), by.label(), null, null);
        jdbc.sql("""
                insert into api_key (id, tenant_id, name, prefix, secret_hash, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(key.id(), key.tenantId().value(), name, key.prefix(), hash(parts[1]),
                        Timestamp.from(key.createdAt()), key.createdBy())
                .update();
        audit.record(by, "api-key.issued", "ApiKey", key.id(), null, java.util.Map.of("name", name, "prefix", key.prefix()));
        return new Issued(key, fullKey);
    }

    /** The active key this text names, or empty: unknown, revoked or wrong secret look the same. */
    public Optional<ApiKey> verify(String fullKey) {
        String[] parts = parse(fullKey);
        if (parts == null) {
            return Optional.empty();
        }
        record Row(ApiKey key, String hash) {
        }
        Optional<Row> row = jdbc.sql("select * from api_key where prefix = ?").param(parts[0])
                .query((rs, n) -> new Row(map(rs), rs.getString("secret_hash"))).optional();
        byte[] presented = hash(parts[1]).getBytes(StandardCharsets.US_ASCII);
        return row.filter(r -> MessageDigest.isEqual(presented, r.hash().getBytes(StandardCharsets.US_ASCII)))
                .map(Row::key)
                .filter(ApiKey::isActive);
    }

    public List<ApiKey> list(TenantId tenant) {
        return jdbc.sql("select * from api_key where tenant_id = ? order by created_at desc").param(tenant.value())
                .query((rs, n) -> map(rs)).list();
    }

    /** @return false when no active key with this id exists in the actor's tenant */
    @Transactional
    public boolean revoke(Actor by, UUID id) {
        int changed = jdbc.sql("update api_key set revoked_at = ? where id = ? and tenant_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), id, by.tenantId().value()).update();
        if (changed == 1) {
            audit.record(by, "api-key.revoked", "ApiKey", id, null, null);
        }
        return changed == 1;
    }

    private static String[] parse(String fullKey) {
        if (fullKey == null || !fullKey.matches("rk_[A-Za-z0-9]{8}_[A-Za-z0-9]{24,}")) {
            return null;
        }
        return new String[] {fullKey.substring(3, 11), fullKey.substring(12)};
    }

    private static ApiKey map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiKey(rs.getObject("id", UUID.class), new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("name"), rs.getString("prefix"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), used == null ? null : used.toInstant(), revoked == null ? null : revoked.toInstant());
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
