package io.rapport.messaging.tracking;

import io.rapport.messaging.MessageId;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.DeferredInserts;
import io.rapport.platform.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Unguessable tokens (256 random bits) for the open pixel, tracked links and unsubscribe links. Only a token's hash
 * is stored; a click token remembers the one URL it may redirect to, encrypted.
 */
@Component
public class TrackingTokens {

    public enum Purpose { OPEN, CLICK, UNSUBSCRIBE }

    public record Resolved(TenantId tenant, MessageId message, Purpose purpose, String url) {
    }

    private static final String URL = "tracked-url";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final List<String> COLUMNS = List.of("token_hash", "tenant_id", "message_id", "purpose", "url_enc", "created_at");

    private final JdbcClient jdbc;
    private final DeferredInserts deferred;
    private final ConsumerDataCipher cipher;
    private final Clock clock;

    TrackingTokens(JdbcClient jdbc, DeferredInserts deferred, ConsumerDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.deferred = deferred;
        this.cipher = cipher;
        this.clock = clock;
    }

    public String issue(TenantId tenant, MessageId message, Purpose purpose, String url) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        deferred.insert("message_token", COLUMNS, hash(token), tenant.value(), message.value(), purpose.name(),
                cipher.encrypt(tenant, URL, url), Timestamp.from(clock.instant()));
        return token;
    }

    public Optional<Resolved> resolve(String token, Purpose purpose) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return jdbc.sql("select tenant_id, message_id, url_enc from message_token where token_hash = ? and purpose = ?")
                .params(hash(token), purpose.name())
                .query((rs, n) -> {
                    TenantId tenant = new TenantId(rs.getObject(1, UUID.class));
                    return new Resolved(tenant, new MessageId(rs.getObject(2, UUID.class)), purpose,
                            cipher.decrypt(tenant, URL, rs.getString(3)));
                })
                .optional();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
