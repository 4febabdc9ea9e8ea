package io.rapport.compliance.rules;

import io.rapport.compliance.CandidateZone;
import io.rapport.compliance.ContactAttempt;
import io.rapport.compliance.Direction;
import io.rapport.compliance.Outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * FREQ-01: no more than 7 call attempts to a person about a particular debt within 7 consecutive
 * days (1006.14(b)(2)(i)(A)). Outbound calls that rang unanswered, reached voicemail or were
 * answered count, to any of the person's numbers; busy signals and not-in-service do not. Days
 * are the consumer's local calendar days; with several candidate zones, the 8th call is blocked
 * if the 7 days hold 7 calls in any of them. A call about several debts counts for each.
 */
public final class CallFrequencyPolicy implements ContactPolicy {

    static final String RULE = "FREQ-01";
    static final int MAX_CALLS = 7;
    static final int DAYS = 7;
    private static final Set<Outcome> COUNTED = EnumSet.of(Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.CONVERSATION);

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (!contact.channel().isTelephone()) {
            return PolicyOutcome.allowed();
        }
        List<String> messages = new ArrayList<>();
        Instant liftsAt = null;
        for (String debt : contact.concernedDebts()) {
            Predicate<ContactAttempt> call = attempt -> counts(attempt) && ProposedContact.concerns(attempt, debt);
            for (CandidateZone candidate : contact.zones().candidates()) {
                LocalDate today = contact.localDate(candidate.zone());
                int made = LocalDays.count(contact, call, candidate.zone(), today, DAYS);
                if (made >= MAX_CALLS) {
                    LocalDate free = LocalDays.firstDayBelow(contact, call, candidate.zone(), today, DAYS, MAX_CALLS);
                    liftsAt = LocalDays.later(liftsAt, free.atStartOfDay(candidate.zone()).toInstant());
                    messages.add(made + " calls " + ProposedContact.about(debt) + " already in the 7 days "
                            + today.minusDays(DAYS - 1L) + " to " + today + " in " + candidate
                            + ": another would exceed 7 in 7 days; calls resume on " + free);
                    break;
                }
            }
        }
        if (messages.isEmpty()) {
            return PolicyOutcome.allowed();
        }
        return PolicyOutcome.rejectedUntil(RULE, String.join("; ", messages) + " (12 CFR 1006.14(b)(2)(i)(A))", liftsAt);
    }

    private static boolean counts(ContactAttempt attempt) {
        // An attempt whose direction or outcome is missing is counted: missing facts never allow more calls.
        return (attempt.channel() == null || attempt.channel().isTelephone())
                && attempt.direction() != Direction.INBOUND
                && (attempt.outcome() == null || COUNTED.contains(attempt.outcome()));
    }
}
