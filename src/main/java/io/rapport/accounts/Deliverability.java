package io.rapport.accounts;

import io.rapport.platform.Actor;
import io.rapport.platform.AuditLog;
import io.rapport.platform.ConsumerDataCipher;
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
 * Marks what the channels report they cannot reach: an email address that hard-bounced, a phone number the carrier
 * says does not exist, a mailing address the post office returned. The contact point's verification becomes
 * {@link Verification#UNDELIVERABLE} with the reason and since when, audited and on the account's timeline; marking
 * it again changes nothing. Messaging refuses to send to it from then on.
 */
@Service
public class Deliverability {

    private static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final ConsumerDataCipher cipher;
    private final AuditLog audit;
    private final AccountHistory history;
    private final Clock clock;

    Deliverability(JdbcClient jdbc, ConsumerDataCipher cipher, AuditLog audit, AccountHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Marks the consumer's email address or phone number (E.164) undeliverable.
     *
     * @return whether this changed anything (false when it was already marked)
     * @throws NotFound when the account has no such contact point (or is another tenant's)
     */
    @Transactional
    public boolean markContactPointUndeliverable(Actor by, AccountId account, String emailOrPhone, String reason) {
        String why = reason(reason);
        String index = SearchKeys.contactPoint(cipher, by.tenantId(), emailOrPhone);
        record Point(UUID id, String kind, String masked, String verification) {
        }
        Point point = jdbc.sql("""
                select id, kind, masked, verification from contact_point where tenant_id = ? and account_id = ? and value_idx = ?""")
                .params(by.tenantId().value(), account.value(), index)
                .query((rs, n) -> new Point(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(() -> new NotFound("contact point", account));
        if (Verification.UNDELIVERABLE.name().equals(point.verification())) {
            return false;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                update contact_point set verification = ?, undeliverable_reason = ?, undeliverable_at = ?
                where tenant_id = ? and id = ?""")
                .params(Verification.UNDELIVERABLE.name(), why, Timestamp.from(now), by.tenantId().value(), point.id())
                .update();
        audit.record(by, "contact-point.undeliverable", "Account", account.value(),
                Map.of("contactPoint", point.id(), "verification", point.verification()),
                Map.of("contactPoint", point.id(), "verification", Verification.UNDELIVERABLE, "reason", why));
        String what = "EMAIL".equals(point.kind()) ? "Email address " : "Phone number ";
        Accounts.changed(by.tenantId(), account);
        history.record(by, account, "contact-point.undeliverable", what + point.masked() + " marked undeliverable: " + why, now);
        return true;
    }

    /**
     * Marks the consumer's mailing address undeliverable.
     *
     * @return whether this changed anything (false when it was already marked)
     * @throws NotFound when the tenant has no such account
     */
    @Transactional
    public boolean markMailingAddressUndeliverable(Actor by, AccountId account, String reason) {
        String why = reason(reason);
        String before = jdbc.sql("select address_status from account where tenant_id = ? and id = ?")
                .params(by.tenantId().value(), account.value()).query(String.class).optional()
                .orElseThrow(() -> new NotFound("account", account));
        if (Verification.UNDELIVERABLE.name().equals(before)) {
            return false;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                update account set address_status = ?, address_undeliverable_reason = ?, address_undeliverable_at = ?
                where tenant_id = ? and id = ?""")
                .params(Verification.UNDELIVERABLE.name(), why, Timestamp.from(now), by.tenantId().value(), account.value())
                .update();
        audit.record(by, "account.address-undeliverable", "Account", account.value(), Map.of("addressStatus", before),
                Map.of("addressStatus", Verification.UNDELIVERABLE, "reason", why));
        Accounts.changed(by.tenantId(), account);
        history.record(by, account, "address.undeliverable", "Mailing address marked undeliverable: " + why, now);
        return true;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidRequest.of("reason", "is required: why the channel cannot reach it");
        }
        String oneLine = reason.replaceAll("[\\r\\n]+", " ").strip();
        return oneLine.length() > MAX_REASON ? oneLine.substring(0, MAX_REASON) : oneLine;
    }
}
