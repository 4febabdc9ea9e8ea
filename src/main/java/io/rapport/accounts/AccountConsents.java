package io.rapport.accounts;

import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.Ids;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a consumer's consent to a channel at an address, or its refusal, with the evidence
 * (where it came from, when, the text the consumer saw), and its revocation. A consent is never
 * edited: a revocation stamps it, and a new grant is a new record, so the history of what the
 * consumer agreed to, and when, stays whole.
 */
@Service
public class AccountConsents {

    private final JdbcClient jdbc;
    private final ConsumerDataCipher cipher;
    private final Accounts accounts;
    private final AccountHistory history;
    private final AuditLog audit;
    private final Clock clock;

    AccountConsents(JdbcClient jdbc, ConsumerDataCipher cipher, Accounts accounts, AccountHistory history, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.accounts = accounts;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UUID record(Actor by, AccountId account, Placement.ConsentGrant grant) {
        if (grant.channel() == null) {
            throw InvalidRequest.of("channel", "is required: EMAIL, SMS, CALL, PRERECORDED_CALL, LETTER or ESIGN");
        }
        if (grant.source() == null || grant.source().isBlank() || grant.source().length() > 100) {
            throw InvalidRequest.of("source", "is required (at most 100 characters): where the consumer gave or refused it");
        }
        if (grant.textShown() != null && grant.textShown().length() > 4000) {
            throw InvalidRequest.of("textShown", "is longer than 4000 characters");
        }
        String address = null;
        String index = null;
        if (grant.channel() != ConsentChannel.LETTER && grant.channel() != ConsentChannel.ESIGN) {
            address = grant.channel() == ConsentChannel.EMAIL ? SearchKeys.email(grant.address()) : grant.address();
            index = cipher.blindIndex(by.tenantId(), grant.channel() == ConsentChannel.EMAIL ? SearchKeys.EMAIL : SearchKeys.PHONE,
                    address);
            boolean known = index != null && jdbc.sql("select count(*) from contact_point where account_id = ? and tenant_id = ? and value_idx = ?")
                    .params(account.value(), by.tenantId().value(), index).query(Integer.class).single() > 0;
            if (!known) {
                accounts.require(by.tenantId(), account);
                throw InvalidRequest.of("address", "must be one of the consumer's contact points");
            }
        }
        accounts.require(by.tenantId(), account);
        UUID id = Ids.next();
        Instant at = grant.at() != null ? grant.at() : clock.instant();
        jdbc.sql("""
                insert into consent (id, tenant_id, account_id, channel, address_enc, address_idx, granted, source, given_at,
                    text_shown, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, by.tenantId().value(), account.value(), grant.channel().name(),
                        cipher.encrypt(by.tenantId(), AccountPlacement.CONTACT, address), index, grant.granted(), grant.source(),
                        Timestamp.from(at), grant.textShown(), Timestamp.from(clock.instant()))
                .update();
        history.record(by, account, grant.granted() ? "CONSENT_GIVEN" : "CONSENT_REFUSED",
                grant.channel() + (grant.granted() ? " consent given" : " consent refused") + " (" + grant.source() + ")");
        audit.record(by, grant.granted() ? "consent.given" : "consent.refused", "Account", account, null,
                Map.of("consent", id, "channel", grant.channel(), "source", grant.source(), "at", at.toString()));
        return id;
    }

    /** Stamps a consent as revoked; revoking one that is already revoked changes nothing. */
    @Transactional
    public void revoke(Actor by, AccountId account, UUID consentId, String source) {
        if (source == null || source.isBlank() || source.length() > 100) {
            throw InvalidRequest.of("source", "is required (at most 100 characters): how the consumer revoked it");
        }
        accounts.require(by.tenantId(), account);
        String channel = jdbc.sql("select channel from consent where id = ? and account_id = ? and tenant_id = ?")
                .params(consentId, account.value(), by.tenantId().value()).query(String.class).optional()
                .orElseThrow(() -> new NotFound("consent", consentId));
        int changed = jdbc.sql("update consent set revoked_at = ?, revoked_source = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), source, consentId).update();
        if (changed == 1) {
            history.record(by, account, "CONSENT_REVOKED", channel + " consent revoked (" + source + ")");
            audit.record(by, "consent.revoked", "Account", account, Map.of("consent", consentId, "revoked", false),
                    Map.of("consent", consentId, "revoked", true, "source", source));
        }
    }

}
