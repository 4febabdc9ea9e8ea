package io.rapport.consent;

import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channel each consumer prefers to be reached on (email, text or letter), with where the wish came from. A
 * sender that names no channel uses it; a preference never overrides an opt-out or a missing consent, which the
 * contact gate still checks on every send.
 */
@Service
public class Preferences {

    /** A consumer's stated wish. */
    public record Preference(ConsentChannel preferredChannel, String source, Instant updatedAt, String updatedBy) {
    }

    private static final Set<ConsentChannel> PREFERABLE = Set.of(ConsentChannel.EMAIL, ConsentChannel.SMS, ConsentChannel.LETTER);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Preferences(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Preference> of(TenantId tenant, UUID account) {
        return jdbc.sql("select * from consumer_preference where tenant_id = ? and account_id = ?")
                .params(tenant.value(), account)
                .query((rs, n) -> new Preference(ConsentChannel.valueOf(rs.getString("preferred_channel")), rs.getString("source"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .optional();
    }

    /** Records the consumer's preferred channel; the caller has checked the account belongs to the tenant. */
    @Transactional
    public Preference prefer(Actor by, UUID account, ConsentChannel channel, String source) {
        if (channel == null || !PREFERABLE.contains(channel)) {
            throw InvalidRequest.of("preferredChannel", "must be EMAIL, SMS or LETTER");
        }
        if (source == null || source.isBlank() || source.length() > 200) {
            throw InvalidRequest.of("source", "is required (where the consumer said so, e.g. phone call, portal), at most 200 characters");
        }
        Optional<Preference> before = of(by.tenantId(), account);
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update consumer_preference set preferred_channel = ?, source = ?, updated_at = ?, updated_by = ?
                where tenant_id = ? and account_id = ?""")
                .params(channel.name(), source.strip(), Timestamp.from(now), by.label(), by.tenantId().value(), account).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into consumer_preference (tenant_id, account_id, preferred_channel, source, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(by.tenantId().value(), account, channel.name(), source.strip(), Timestamp.from(now), by.label()).update();
        }
        audit.record(by, "preference.changed", "Account", account,
                before.map(p -> Map.of("preferredChannel", p.preferredChannel().name())).orElse(null),
                Map.of("preferredChannel", channel.name(), "source", source.strip()));
        return of(by.tenantId(), account).orElseThrow();
    }
}
