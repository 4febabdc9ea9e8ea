package io.rapport.consent;

import io.rapport.platform.Actor;
import io.rapport.platform.TenantId;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opt-outs and opt-ins, wherever they come from (a STOP reply, an unsubscribe link, a spam complaint), kept in the
 * consent ledger. Opting out revokes every consent in force for the channel and address and records the refusal with
 * its source; the newest record for an address decides whether it has opted out. Messaging asks
 * {@link #isOptedOut} before it hands a message to a provider.
 */
@Service
public class OptOuts {

    private final Consents consents;
    private final Clock clock;

    OptOuts(Consents consents, Clock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    /**
     * Opts the address out of the channel, audited as {@code by}.
     *
     * @return whether this changed anything (false when the address had already opted out)
     */
    @Transactional
    public boolean optOut(Actor by, UUID accountId, ConsentChannel channel, String address, String source) {
        TenantId tenant = by.tenantId();
        if (isOptedOut(tenant, accountId, channel, address)) {
            return false;
        }
        for (Consent consent : at(tenant, accountId, channel, address)) {
            if (consent.isInForce()) {
                consents.revoke(by, accountId, consent.id(), source);
            }
        }
        consents.record(by, new NewConsent(accountId, channel, address, false, source, clock.instant(), null));
        return true;
    }

    /** Records a new consent; @return whether the address may now be contacted on the channel */
    @Transactional
    public boolean optIn(Actor by, UUID accountId, ConsentChannel channel, String address, String source) {
        consents.record(by, new NewConsent(accountId, channel, address, true, source, clock.instant(), null));
        return !isOptedOut(by.tenantId(), accountId, channel, address);
    }

    /** Whether the newest consent record of the address is a refusal or a revoked consent. */
    public boolean isOptedOut(TenantId tenant, UUID accountId, ConsentChannel channel, String address) {
        Optional<Consent> newest = at(tenant, accountId, channel, address).stream()
                .max(Comparator.comparing((Consent c) -> c.revokedAt() != null && c.revokedAt().isAfter(c.at()) ? c.revokedAt() : c.at())
                        .thenComparing(c -> !c.granted()));
        return newest.map(c -> !c.isInForce()).orElse(false);
    }

    private List<Consent> at(TenantId tenant, UUID accountId, ConsentChannel channel, String address) {
        String wanted = normalize(address);
        return consents.forAccount(tenant, accountId).stream()
                .filter(c -> c.channel() == channel && wanted.equals(normalize(c.address()))).toList();
    }

    private static String normalize(String address) {
        return address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
    }
}
