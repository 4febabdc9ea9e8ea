package io.rapport.compliance.rules;

import io.rapport.compliance.Channel;
import io.rapport.compliance.ContactAttempt;
import io.rapport.compliance.Direction;
import io.rapport.compliance.Outcome;
import io.rapport.compliance.PhoneNumbers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CR-01: no credit reporting of a debt before speaking to the consumer about it, or before 14
 * days have passed since a letter or electronic message about it was sent without coming back
 * undeliverable (1006.30(a)).
 */
public final class CreditReportingPolicy implements ContactPolicy {

    static final String RULE = "CR-01";
    static final Duration WAIT = Duration.ofDays(14);

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (contact.channel() != Channel.CREDIT_REPORT) {
            return PolicyOutcome.allowed();
        }
        List<String> messages = new ArrayList<>();
        Instant liftsAt = null;
        boolean liftable = true;
        for (String debt : contact.concernedDebts()) {
            boolean spoke = contact.history().stream().anyMatch(attempt -> attempt.outcome() == Outcome.CONVERSATION
                    && ProposedContact.concerns(attempt, debt));
            if (spoke) {
                continue;
            }
            Optional<Instant> reportable = contact.history().stream()
                    .filter(attempt -> attempt.direction() != Direction.INBOUND)
                    .filter(attempt -> attempt.channel() == Channel.LETTER || (attempt.channel() != null && attempt.channel().isElectronic()))
                    .filter(attempt -> attempt.outcome() == Outcome.SENT || attempt.outcome() == Outcome.DELIVERED)
                    .filter(attempt -> ProposedContact.concerns(attempt, debt))
                    .filter(message -> !cameBack(contact, message))
                    .map(message -> message.at().plus(WAIT))
                    .min(Instant::compareTo);
            if (reportable.isEmpty()) {
                liftable = false;
                messages.add("no conversation with the consumer " + ProposedContact.about(debt)
                        + " and no letter or electronic message about it was sent");
            } else if (contact.at().isBefore(reportable.get())) {
                liftsAt = LocalDays.later(liftsAt, reportable.get());
                messages.add("the first message " + ProposedContact.about(debt) + " must go 14 days without coming back "
                        + "undeliverable: reporting is allowed from " + reportable.get());
            }
        }
        if (messages.isEmpty()) {
            return PolicyOutcome.allowed();
        }
        String message = String.join("; ", messages) + " (12 CFR 1006.30(a))";
        return liftable ? PolicyOutcome.rejectedUntil(RULE, message, liftsAt) : PolicyOutcome.rejected(RULE, message);
    }

    private static boolean cameBack(ProposedContact contact, ContactAttempt message) {
        Instant end = message.at().plus(WAIT);
        return contact.history().stream().anyMatch(attempt -> attempt.outcome() == Outcome.UNDELIVERABLE
                && attempt.channel() == message.channel()
                && !attempt.at().isBefore(message.at()) && attempt.at().isBefore(end)
                && (attempt.to() == null || message.to() == null || PhoneNumbers.sameAddress(message.channel(), attempt.to(), message.to())));
    }
}
