package io.rapport.compliance.rules;

import io.rapport.compliance.Purpose;

/**
 * CEASE-01: once a written request to cease, or a refusal to pay, is received, the only contact
 * left is a notice that collection efforts end or of a specific remedy (1006.6(c)). Effective from
 * the day received, as soon as that day has begun in any of the consumer's zones.
 */
public final class CeasePolicy implements ContactPolicy {

    static final String RULE = "CEASE-01";

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        var received = contact.consumer().ceaseReceivedOn();
        if (received == null || !contact.isOnOrAfter(received) || contact.purpose() == Purpose.CEASE_NOTICE) {
            return PolicyOutcome.allowed();
        }
        return PolicyOutcome.rejected(RULE, "a written cease or refusal to pay was received on " + received
                + ": only a notice that collection efforts end or of a specific remedy (purpose CEASE_NOTICE) may follow, not "
                + contact.purpose() + " (12 CFR 1006.6(c))");
    }
}
