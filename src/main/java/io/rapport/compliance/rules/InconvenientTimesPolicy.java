package io.rapport.compliance.rules;

import io.rapport.compliance.CandidateZone;
import io.rapport.compliance.InconvenientTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * TIME-03: not at a time the consumer said is inconvenient (1006.6(b)(1)). The consumer's local
 * ranges are read in every candidate zone. A range wrapping past midnight covers both evenings and
 * mornings; a range whose ends are equal covers the whole day and never lifts.
 */
public final class InconvenientTimesPolicy implements ContactPolicy {

    static final String RULE = "TIME-03";
    private static final int MAX_STEPS = 64;

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (!contact.channel().reachesConsumer() || contact.consumer().inconvenientTimes().isEmpty()) {
            return PolicyOutcome.allowed();
        }
        List<InconvenientTime> ranges = contact.consumer().inconvenientTimes().stream()
                .filter(range -> range.from() != null && range.to() != null).toList();
        List<String> hits = new ArrayList<>();
        for (CandidateZone candidate : contact.zones().candidates()) {
            ZonedDateTime local = contact.at().atZone(candidate.zone());
            for (InconvenientTime range : ranges) {
                if (covers(range, local)) {
                    hits.add(ProposedContact.HOUR.format(local) + " in " + candidate
                            + (range.days().isEmpty() ? "" : " (a " + local.getDayOfWeek() + ")")
                            + " is within " + range.describe() + " the consumer said is inconvenient");
                }
            }
        }
        if (hits.isEmpty()) {
            return PolicyOutcome.allowed();
        }
        Instant liftsAt = firstConvenient(contact.at(), contact.zones().zones(), ranges);
        return PolicyOutcome.rejectedUntil(RULE, String.join("; ", hits) + " (12 CFR 1006.6(b)(1))", liftsAt);
    }

    /** Whether the range covers a local time; the part of a range past midnight belongs to the day it started. */
    static boolean covers(InconvenientTime range, ZonedDateTime at) {
        LocalTime local = at.toLocalTime();
        LocalDate day = at.toLocalDate();
        LocalTime from = range.from();
        LocalTime to = range.to();
        boolean within;
        if (from.equals(to)) {
            within = true;
        } else if (from.isBefore(to)) {
            within = !local.isBefore(from) && local.isBefore(to);
        } else if (!local.isBefore(from)) {
            within = true;
        } else {
            within = local.isBefore(to);
            day = day.minusDays(1);
        }
        return within && range.appliesOn(day.getDayOfWeek());
    }

    private static Instant firstConvenient(Instant from, List<ZoneId> zones, List<InconvenientTime> ranges) {
        Instant candidate = from;
        for (int step = 0; step < MAX_STEPS; step++) {
            Instant next = candidate;
            for (ZoneId zone : zones) {
                for (InconvenientTime range : ranges) {
                    if (covers(range, next.atZone(zone))) {
                        if (range.always()) {
                            return null;
                        }
                        next = LocalDays.later(next, end(next, zone, range));
                    }
                }
            }
            if (next.equals(candidate)) {
                return candidate;
            }
            candidate = next;
        }
        return null;
    }

    private static Instant end(Instant at, ZoneId zone, InconvenientTime range) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (range.from().equals(range.to())) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        boolean endsTomorrow = range.from().isAfter(range.to()) && !local.toLocalTime().isBefore(range.from());
        return (endsTomorrow ? day.plusDays(1) : day).atTime(range.to()).atZone(zone).toInstant();
    }
}
