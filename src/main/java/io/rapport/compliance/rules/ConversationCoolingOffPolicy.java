package io.rapport.compliance.rules;

import io.rapport.compliance.CandidateZone;
import io.rapport.compliance.ContactAttempt;
import io.rapport.compliance.Outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * FREQ-02: no call about a debt within 7 days after a telephone conversation with the person
 * about it (1006.14(b)(2)(i)(B)). The conversation day is day 1, so calls resume on day 8.
 * Conversations the consumer started count; a conversation about several debts counts for each.
 */
public final class ConversationCoolingOffPolicy implements ContactPolicy {

    static final String RULE = "FREQ-02";
    static final int DAYS = 7;

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (!contact.channel().isTelephone()) {
            return PolicyOutcome.allowed();
        }
        List<String> messages = new ArrayList<>();
        Instant liftsAt = null;
        for (String debt : contact.concernedDebts()) {
            List<ContactAttempt> conversations = contact.history().stream()
                    .filter(attempt -> attempt.outcome() == Outcome.CONVERSATION)
                    .filter(attempt -> attempt.channel() == null || attempt.channel().isTelephone())
                    .filter(attempt -> ProposedContact.concerns(attempt, debt))
                    .toList();
            String found = null;
            for (CandidateZone candidate : contact.zones().candidates()) {
                LocalDate today = contact.localDate(candidate.zone());
                for (ContactAttempt conversation : conversations) {
                    LocalDate dayOne = conversation.at().atZone(candidate.zone()).toLocalDate();
                    LocalDate resume = dayOne.plusDays(DAYS);
                    if (!today.isBefore(dayOne) && today.isBefore(resume)) {
                        liftsAt = LocalDays.later(liftsAt, resume.atStartOfDay(candidate.zone()).toInstant());
                        found = "a telephone conversation " + ProposedContact.about(debt) + " on " + dayOne
                                + " (" + candidate + ", day 1 of 7): no call " + ProposedContact.about(debt)
                                + " before " + resume;
                    }
                }
            }
            if (found != null) {
                messages.add(found);
            }
        }
        if (messages.isEmpty()) {
            return PolicyOutcome.allowed();
        }
        return PolicyOutcome.rejectedUntil(RULE, String.join("; ", messages) + " (12 CFR 1006.14(b)(2)(i)(B))", liftsAt);
    }
}
