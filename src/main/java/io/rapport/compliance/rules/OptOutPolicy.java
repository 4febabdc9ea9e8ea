package io.rapport.compliance.rules;

import io.rapport.compliance.ContactAttempt;
import io.rapport.compliance.Direction;
import io.rapport.compliance.OptOut;
import io.rapport.compliance.PhoneNumbers;
import io.rapport.compliance.Purpose;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * OPT-02: not on a channel or address the consumer asked us not to use (1006.14(h)), with one
 * exception: a single confirmation of the opt-out itself. An opt-out from calls covers every kind
 * of call; an opt-out without an address covers the whole channel; a later consent on the same
 * channel and address ends it.
 */
public final class OptOutPolicy implements ContactPolicy {

    static final String RULE = "OPT-02";

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        List<OptOut> inForce = contact.consumer().optOuts().stream()
                .filter(optOut -> ContactPoints.covers(optOut, contact.channel(), contact.to()))
                .filter(optOut -> ContactPoints.inForce(contact, optOut))
                .toList();
        if (inForce.isEmpty()) {
            return PolicyOutcome.allowed();
        }
        OptOut latest = inForce.stream().max(Comparator.comparing(ContactPoints::since)).orElseThrow();
        String what = "the consumer opted out of " + latest.channel()
                + (latest.address() == null ? " on every address" : " at " + latest.address())
                + (latest.at() == null ? "" : " on " + latest.at());
        if (contact.purpose() == Purpose.OPT_OUT_CONFIRMATION) {
            Optional<ContactAttempt> confirmation = contact.history().stream()
                    .filter(attempt -> attempt.direction() != Direction.INBOUND)
                    .filter(attempt -> attempt.channel() != null && attempt.channel().sameFamilyAs(contact.channel()))
                    .filter(attempt -> latest.address() == null || attempt.to() == null
                            || PhoneNumbers.sameAddress(contact.channel(), attempt.to(), latest.address()))
                    .filter(attempt -> attempt.at().isAfter(ContactPoints.since(latest)))
                    .findFirst();
            if (confirmation.isEmpty()) {
                return PolicyOutcome.allowed();
            }
            return PolicyOutcome.rejected(RULE, what + "; the one confirmation allowed was already sent on "
                    + confirmation.get().at() + " (12 CFR 1006.14(h))");
        }
        return PolicyOutcome.rejected(RULE, what + ": only one confirmation of the opt-out may follow (12 CFR 1006.14(h))");
    }
}
