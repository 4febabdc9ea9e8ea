package io.rapport.messaging.tracking;

import io.rapport.accounts.AccountId;
import io.rapport.consent.Consent;
import io.rapport.consent.ConsentChannel;
import io.rapport.consent.Consents;
import io.rapport.consent.NewConsent;
import io.rapport.platform.Actor;
import io.rapport.platform.TenantId;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Opt-outs and opt-ins that arrive through messages (STOP, an unsubscribe link, a spam complaint), written to the
 * consent ledger: every consent in force for the channel and address is revoked and the refusal is recorded with its
 * source. The newest record for an address decides whether it has opted out.
 */
@Component
public class OptOuts {

    private final Consents consents;
    private final Clock clock;

    OptOuts(Consents consents, Clock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    /** @return whether this changed anything (false when the address had already opted out) */
    public boolean optOut(TenantId tenant, AccountId account, ConsentChannel channel, String address, String source) {
        if (isOptedOut(tenant, account, channel, address)) {
            return false;
        }
        Actor by = Actor.system(tenant, "messaging");
        for (Consent consent : at(tenant, account, channel, address)) {
            if (consent.isInForce()) {
                consents.revoke(by, account.value(), consent.id(), source);
            }
        }
        consents.record(by, new NewConsent(account.value(), channel, address, false, source, clock.instant(), null));
        return true;
    }

    /** Records a new consent; @return whether the address may now be contacted on the channel */
    public boolean optIn(TenantId tenant, AccountId account, ConsentChannel channel, String address, String source) {
        consents.record(Actor.system(tenant, "messaging"),
                new NewConsent(account.value(), channel, address, true, source, clock.instant(), null));
        return !isOptedOut(tenant, account, channel, address);
    }

    /** Whether the newest consent record of the address is a refusal or a revoked consent. */
    public boolean isOptedOut(TenantId tenant, AccountId account, ConsentChannel channel, String address) {
        Optional<Consent> newest = at(tenant, account, channel, address).stream()
                .max(Comparator.comparing((Consent c) -> c.revokedAt() != null && c.revokedAt().isAfter(c.at()) ? c.revokedAt() : c.at())
                        .thenComparing(c -> !c.granted()));
        return newest.map(c -> !c.isInForce()).orElse(false);
    }

    private List<Consent> at(TenantId tenant, AccountId account, ConsentChannel channel, String address) {
        String wanted = normalize(address);
        return consents.forAccount(tenant, account.value()).stream()
                .filter(c -> c.channel() == channel && wanted.equals(normalize(c.address()))).toList();
    }

    private static String normalize(String address) {
        return address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
    }
}
