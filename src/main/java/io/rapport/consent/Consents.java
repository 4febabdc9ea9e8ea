package io.rapport.consent;

import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.BulkInsert;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.Ids;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import io.rapport.platform.SqlIn;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consent ledger. Records consents in bulk (with a placement) or one at a time (from an
 * agent, the portal or the API), and revokes them. Recording the same answer for the same
 * channel and address again changes nothing, so placements can be re-run safely.
 */
@Service
public class Consents {

    private static final String ADDRESS = "consent-address";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final BulkInsert bulk;
    private final ConsumerDataCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Consents(JdbcClient jdbc, NamedParameterJdbcTemplate named, BulkInsert bulk, ConsumerDataCipher cipher, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.bulk = bulk;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a placement's consents that are not on file yet (same account, channel, address and
     * answer, revoked or not: a creditor's file re-sent must never revive a consent the consumer
     * withdrew), in the caller's transaction. @return the accounts that got a consent they did not have
     */
    public Set<UUID> recordAll(TenantId tenant, List<NewConsent> consents) {
        if (consents.isEmpty()) {
            return Set.of();
        }
        Set<String> known = new HashSet<>();
        named.query("select account_id, channel, address_idx, granted from consent where account_id in (:ids)",
                new MapSqlParameterSource("ids", consents.stream().map(NewConsent::accountId).distinct().toList()),
                rs -> {
                    known.add(key(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                });
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        Set<UUID> changed = new HashSet<>();
        for (NewConsent c : consents) {
            String address = normalize(c.channel(), c.address());
            String index = cipher.blindIndex(tenant, ADDRESS, address);
            if (known.add(key(c.accountId(), c.channel().name(), index, c.granted()))) {
                rows.add(new Object[] {Ids.next(), tenant.value(), c.accountId(), c.channel().name(),
                        cipher.encrypt(tenant, ADDRESS, address), index, c.granted(), c.source(), Timestamp.from(c.at()),
                        c.textShown(), now});
                changed.add(c.accountId());
            }
        }
        bulk.insert("consent", List.of("id", "tenant_id", "account_id", "channel", "address_enc", "address_idx", "granted",
                "source", "given_at", "text_shown", "recorded_at"), rows);
        return changed;
    }

    /** Records one consent with its evidence, audited; the account's history hears of it by {@link ConsentRecorded}. */
    @Transactional
    public UUID record(Actor by, NewConsent consent) {
        if (consent.channel() == null) {
            throw InvalidRequest.of("channel", "is required: EMAIL, SMS, CALL, PRERECORDED_CALL, LETTER or ESIGN");
        }
        if (consent.source() == null || consent.source().isBlank() || consent.source().length() > 100) {
            throw InvalidRequest.of("source", "is required (at most 100 characters): where the consumer gave or refused it");
        }
        if (consent.textShown() != null && consent.textShown().length() > 4000) {
            throw InvalidRequest.of("textShown", "is longer than 4000 characters");
        }
        // An explicit answer from the consumer is always a new record, even one given before and
        // since revoked (START after STOP): only placements skip what is already on file.
        Instant at = consent.at() != null ? consent.at() : clock.instant();
        String address = normalize(consent.channel(), consent.address());
        UUID id = Ids.next();
        jdbc.sql("""
                insert into consent (id, tenant_id, account_id, channel, address_enc, address_idx, granted, source, given_at,
                    text_shown, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, by.tenantId().value(), consent.accountId(), consent.channel().name(),
                        cipher.encrypt(by.tenantId(), ADDRESS, address), cipher.blindIndex(by.tenantId(), ADDRESS, address),
                        consent.granted(), consent.source(), Timestamp.from(at), consent.textShown(),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(by, consent.granted() ? "consent.given" : "consent.refused", "Account", consent.accountId(), null,
                Map.of("consent", id, "channel", consent.channel(), "source", consent.source(), "at", at.toString()));
        events.publishEvent(new ConsentRecorded(by, consent.accountId(), id, consent.channel(), consent.granted(),
                consent.source()));
        return id;
    }

    /** Stamps a consent as revoked; revoking one already revoked changes nothing. */
    @Transactional
    public void revoke(Actor by, UUID accountId, UUID consentId, String source) {
        if (source == null || source.isBlank() || source.length() > 100) {
            throw InvalidRequest.of("source", "is required (at most 100 characters): how the consumer revoked it");
        }
        String channel = jdbc.sql("select channel from consent where id = ? and account_id = ? and tenant_id = ?")
                .params(consentId, accountId, by.tenantId().value()).query(String.class).optional()
                .orElseThrow(() -> new NotFound("consent", consentId));
        int changed = jdbc.sql("update consent set revoked_at = ?, revoked_source = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), source, consentId).update();
        if (changed == 1) {
            audit.record(by, "consent.revoked", "Account", accountId, Map.of("consent", consentId, "revoked", false),
                    Map.of("consent", consentId, "revoked", true, "source", source));
            events.publishEvent(new ConsentRevoked(by, accountId, consentId, ConsentChannel.valueOf(channel), source));
        }
    }

    /** Every consent of an account, oldest first, revoked ones included. */
    public List<Consent> forAccount(TenantId tenant, UUID accountId) {
        return forAccounts(tenant, List.of(accountId)).getOrDefault(accountId, List.of());
    }

    /** The consents of many accounts with one query, each account's oldest first. */
    public Map<UUID, List<Consent>> forAccounts(TenantId tenant, Collection<UUID> accountIds) {
        Map<UUID, List<Consent>> byAccount = new HashMap<>();
        if (accountIds.isEmpty()) {
            return byAccount;
        }
        jdbc.sql("select * from consent where tenant_id = ? and account_id in (" + SqlIn.placeholders(accountIds)
                        + ") order by given_at, id")
                .params(SqlIn.params(accountIds, tenant.value()))
                .query((rs, n) -> byAccount.computeIfAbsent(rs.getObject("account_id", UUID.class), k -> new ArrayList<>())
                        .add(new Consent(rs.getObject("id", UUID.class), ConsentChannel.valueOf(rs.getString("channel")),
                                cipher.decrypt(tenant, ADDRESS, rs.getString("address_enc")), rs.getBoolean("granted"),
                                rs.getString("source"), rs.getTimestamp("given_at").toInstant(), rs.getString("text_shown"),
                                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
                                rs.getString("revoked_source"))))
                .list();
        return byAccount;
    }

    /** Email addresses compare without case; phone numbers arrive in E.164 already. */
    private static String normalize(ConsentChannel channel, String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return channel == ConsentChannel.EMAIL ? address.trim().toLowerCase(Locale.ROOT) : address.trim();
    }

    private static String key(UUID account, String channel, String index, boolean granted) {
        return account + "|" + channel + "|" + index + "|" + granted;
    }

}
