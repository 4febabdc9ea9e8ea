package io.rapport.accounts;

import io.rapport.consent.ConsentRecorded;
import io.rapport.consent.ConsentRevoked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts consents given, refused and revoked on the account's timeline, in the same transaction
 * as the consent itself, so the timeline never misses one.
 */
@Component
class ConsentHistory {

    private final AccountHistory history;

    ConsentHistory(AccountHistory history) {
        this.history = history;
    }

    @EventListener
    void on(ConsentRecorded event) {
        Accounts.changed(event.by().tenantId(), new AccountId(event.accountId()));
        history.record(event.by(), new AccountId(event.accountId()), event.granted() ? "CONSENT_GIVEN" : "CONSENT_REFUSED",
                event.channel() + (event.granted() ? " consent given" : " consent refused") + " (" + event.source() + ")");
    }

    @EventListener
    void on(ConsentRevoked event) {
        Accounts.changed(event.by().tenantId(), new AccountId(event.accountId()));
        history.record(event.by(), new AccountId(event.accountId()), "CONSENT_REVOKED",
                event.channel() + " consent revoked (" + event.source() + ")");
    }
}
