package io.rapport.compliance.rules;

import io.rapport.compliance.CandidateZone;
import io.rapport.compliance.Channel;
import io.rapport.compliance.ContactAttempt;
import io.rapport.compliance.Direction;
import io.rapport.compliance.GateSettings;

import java.time.Instant;
import java.time.LocalDate;

/**
 * FREQ-03: volume that may harass (1006.14(a)). Counts every contact we made with the consumer on
 * any channel and about any debt (credit reporting and attempts that never reached a line or
 * mailbox excluded) per local day and per 7 local days, against the tenant's caps. Warns, or
 * blocks when the tenant's settings say so.
 */
public final class ContactVolumePolicy implements ContactPolicy {

    static final String RULE = "FREQ-03";
    private static final int WEEK = 7;

    private final GateSettings settings;

    public ContactVolumePolicy(GateSettings settings) {
        this.settings = settings;
    }

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (!contact.channel().reachesConsumer()) {
            return PolicyOutcome.allowed();
        }
        for (CandidateZone candidate : contact.zones().candidates()) {
            LocalDate today = contact.localDate(candidate.zone());
            int sameDay = LocalDays.count(contact, ContactVolumePolicy::counts, candidate.zone(), today, 1);
            int sameWeek = LocalDays.count(contact, ContactVolumePolicy::counts, candidate.zone(), today, WEEK);
            if (sameDay < settings.maxContactsPerDay() && sameWeek < settings.maxContactsPerWeek()) {
                continue;
            }
            String message = "this would be contact " + (sameDay + 1) + " with the consumer on " + today
                    + " and " + (sameWeek + 1) + " in the 7 days to " + today + " (" + candidate
                    + "), over the tenant's cap of " + settings.maxContactsPerDay() + " a day and "
                    + settings.maxContactsPerWeek() + " a week (12 CFR 1006.14(a))";
            if (!settings.blockWhenExceeded()) {
                return PolicyOutcome.warned(RULE, message);
            }
            return PolicyOutcome.rejectedUntil(RULE, message, liftsAt(contact));
        }
        return PolicyOutcome.allowed();
    }

    private Instant liftsAt(ProposedContact contact) {
        Instant liftsAt = null;
        for (CandidateZone candidate : contact.zones().candidates()) {
            LocalDate today = contact.localDate(candidate.zone());
            for (int offset = 0; offset <= WEEK; offset++) {
                LocalDate day = today.plusDays(offset);
                if (LocalDays.count(contact, ContactVolumePolicy::counts, candidate.zone(), day, 1) < settings.maxContactsPerDay()
                        && LocalDays.count(contact, ContactVolumePolicy::counts, candidate.zone(), day, WEEK)
                        < settings.maxContactsPerWeek()) {
                    Instant start = offset == 0 ? contact.at() : day.atStartOfDay(candidate.zone()).toInstant();
                    liftsAt = LocalDays.later(liftsAt, start);
                    break;
                }
            }
        }
        return liftsAt;
    }

    /** A contact we made that reached a line or mailbox; credit reporting is no contact with the consumer. */
    private static boolean counts(ContactAttempt attempt) {
        return attempt.direction() != Direction.INBOUND
                && attempt.channel() != Channel.CREDIT_REPORT
                && (attempt.outcome() == null || attempt.outcome().connected());
    }
}
