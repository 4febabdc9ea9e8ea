package io.rapport.compliance.rules;

import io.rapport.compliance.CandidateZone;
import io.rapport.compliance.ConsumerTimeZones;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * TIME-01 and TIME-02: no communication before 08:00 or at or after 21:00 at the consumer's
 * location (1006.6(b)(1)(i)), in every zone the consumer may be in. TIME-01 names a time that is
 * inconvenient wherever the consumer is; TIME-02 one that is inconvenient in some candidate zone
 * only (the zones disagree, or nothing places the consumer and every US state zone stands in).
 * The rejection carries the first instant convenient in every candidate zone, computed with each
 * zone's own daylight saving rules.
 */
public final class ConvenientHoursPolicy implements ContactPolicy {

    static final String EVERY_ZONE_RULE = "TIME-01";
    static final String SOME_ZONE_RULE = "TIME-02";
    static final LocalTime EARLIEST = LocalTime.of(8, 0);
    static final LocalTime LATEST = LocalTime.of(21, 0);
    private static final int MAX_STEPS = 64;

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (!contact.channel().reachesConsumer()) {
            return PolicyOutcome.allowed();
        }
        ConsumerTimeZones zones = contact.zones();
        List<CandidateZone> inconvenient = zones.candidates().stream()
                .filter(candidate -> !convenient(contact.at(), candidate.zone()))
                .toList();
        if (inconvenient.isEmpty()) {
            return PolicyOutcome.allowed();
        }
        boolean everywhere = inconvenient.size() == zones.candidates().size() && !zones.locationUnknown();
        StringBuilder message = new StringBuilder();
        for (CandidateZone candidate : inconvenient) {
            LocalTime local = contact.at().atZone(candidate.zone()).toLocalTime();
            if (!message.isEmpty()) {
                message.append("; ");
            }
            message.append(ProposedContact.HOUR.format(local)).append(" in ").append(candidate)
                    .append(local.isBefore(EARLIEST) ? " is before 08:00" : " is at or after 21:00");
        }
        if (zones.locationUnknown()) {
            message.append("; no address, phone or known zone places the consumer, so the time must suit every US state zone");
        }
        if (!zones.notes().isEmpty()) {
            message.append("; ").append(String.join("; ", zones.notes()));
        }
        message.append(" (12 CFR 1006.6(b)(1)(i))");
        Instant liftsAt = firstConvenient(contact.at(), zones.zones());
        return PolicyOutcome.rejectedUntil(everywhere ? EVERY_ZONE_RULE : SOME_ZONE_RULE, message.toString(), liftsAt);
    }

    static boolean convenient(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return !local.isBefore(EARLIEST) && local.isBefore(LATEST);
    }

    /** The first instant from {@code from} convenient in every zone, or null if the zones never share one. */
    static Instant firstConvenient(Instant from, List<ZoneId> zones) {
        Instant candidate = from;
        for (int step = 0; step < MAX_STEPS; step++) {
            Instant next = candidate;
            for (ZoneId zone : zones) {
                if (!convenient(next, zone)) {
                    next = LocalDays.later(next, nextOpening(next, zone));
                }
            }
            if (next.equals(candidate)) {
                return candidate;
            }
            candidate = next;
        }
        return null;
    }

    private static Instant nextOpening(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime opening = local.toLocalDate().atTime(EARLIEST).atZone(zone);
        if (!local.toLocalTime().isBefore(EARLIEST)) {
            opening = local.toLocalDate().plusDays(1).atTime(EARLIEST).atZone(zone);
        }
        return opening.toInstant();
    }
}
