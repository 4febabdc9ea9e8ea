package io.rapport.compliance.rules;

import io.rapport.compliance.ConsumerPhone;
import io.rapport.compliance.ContactAttempt;
import io.rapport.compliance.Direction;
import io.rapport.compliance.StateContactLimit;
import io.rapport.compliance.StateContactLimit.NumberScope;
import io.rapport.compliance.StateOverlays;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * ST-xx-nn: the contact limits of the consumer's mailing-address state ({@link StateOverlays}),
 * such as Massachusetts' 2 contacts per 7 days to a personal number per debt (ST-MA-01). Windows
 * roll back from the proposed instant; the rejection lifts when the oldest counted contact leaves
 * the window.
 */
public final class StateFrequencyOverlayPolicy implements ContactPolicy {

    private final StateOverlays overlays;

    public StateFrequencyOverlayPolicy(StateOverlays overlays) {
        this.overlays = overlays;
    }

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        List<StateContactLimit> limits = overlays.forState(contact.consumer().state());
        List<String> messages = new ArrayList<>();
        String rule = null;
        Instant liftsAt = null;
        for (StateContactLimit limit : limits) {
            if (!limit.channels().contains(contact.channel()) || !appliesTo(limit, contact)) {
                continue;
            }
            Instant windowStart = contact.at().minus(Duration.ofDays(limit.days()));
            List<String> debts = limit.perDebt() ? contact.concernedDebts() : List.of(ProposedContact.ANY_DEBT);
            for (String debt : debts) {
                List<Instant> counted = contact.history().stream()
                        .filter(attempt -> attempt.direction() != Direction.INBOUND)
                        .filter(attempt -> attempt.channel() != null && limit.channels().contains(attempt.channel()))
                        .filter(attempt -> attempt.outcome() == null || limit.counts().contains(attempt.outcome()))
                        .filter(attempt -> attempt.at().isAfter(windowStart))
                        .filter(attempt -> counts(limit, contact, attempt))
                        .filter(attempt -> !limit.perDebt() || ProposedContact.concerns(attempt, debt))
                        .map(ContactAttempt::at)
                        .sorted(Comparator.reverseOrder())
                        .toList();
                if (counted.size() >= limit.max()) {
                    Instant lifts = counted.get(limit.max() - 1).plus(Duration.ofDays(limit.days()));
                    liftsAt = LocalDays.later(liftsAt, lifts);
                    rule = rule == null ? limit.rule() : rule;
                    messages.add(limit.description() + ": " + counted.size() + " already in the last " + limit.days()
                            + " days" + (limit.perDebt() ? " " + ProposedContact.about(debt) : "")
                            + numberNote(limit, contact) + "; the next is allowed from " + lifts + " (" + limit.citation() + ")");
                }
            }
        }
        if (messages.isEmpty()) {
            return PolicyOutcome.allowed();
        }
        return PolicyOutcome.rejectedUntil(rule, String.join("; ", messages), liftsAt);
    }

    private static boolean appliesTo(StateContactLimit limit, ProposedContact contact) {
        if (limit.numbers() == NumberScope.ANY) {
            return true;
        }
        if (!contact.channel().usesPhoneNumber()) {
            return false;
        }
        boolean personal = contact.phoneContacted().map(ConsumerPhone::type).map(type -> type.isPersonal()).orElse(false);
        return limit.numbers() == NumberScope.PERSONAL ? personal : !personal;
    }

    private static boolean counts(StateContactLimit limit, ProposedContact contact, ContactAttempt attempt) {
        if (limit.numbers() == NumberScope.ANY) {
            return true;
        }
        Optional<ConsumerPhone> phone = contact.phoneOf(attempt.to());
        if (phone.isEmpty() || phone.get().type() == null) {
            return true; // a number not on file may be of either kind
        }
        return phone.get().type().isPersonal() == (limit.numbers() == NumberScope.PERSONAL);
    }

    private static String numberNote(StateContactLimit limit, ProposedContact contact) {
        if (limit.numbers() == NumberScope.NOT_PERSONAL && contact.phoneContacted().isEmpty()) {
            return " (" + contact.to() + " is not on file as a personal number, so the stricter limit applies)";
        }
        return "";
    }
}
