package io.rapport.compliance.rules;

import io.rapport.compliance.ContactAttempt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Counting the attempts of a contact's history by the consumer's local calendar days. */
final class LocalDays {

    /** Far enough for any window of the catalogue to have moved past every event. */
    private static final int HORIZON_DAYS = 400;

    private static final long SECONDS_PER_DAY = 86_400;

    private LocalDays() {
    }

    /**
     * How many attempts of the history that {@code counted} accepts fall on the {@code days} local
     * days ending with {@code lastDay}.
     */
    static int count(ProposedContact contact, Predicate<ContactAttempt> counted, ZoneId zone, LocalDate lastDay,
                     int days) {
        long last = lastDay.toEpochDay();
        long first = last - (days - 1L);
        List<ContactAttempt> history = contact.history();
        long[] localDays = contact.historyDays(zone);
        int count = 0;
        for (int i = 0; i < localDays.length; i++) {
            if (localDays[i] >= first && localDays[i] <= last && counted.test(history.get(i))) {
                count++;
            }
        }
        return count;
    }

    /**
     * The first local day from {@code from} on whose window of {@code days} days holds fewer than
     * {@code limit} of the counted attempts, or null if none within the horizon.
     */
    static LocalDate firstDayBelow(ProposedContact contact, Predicate<ContactAttempt> counted, ZoneId zone,
                                   LocalDate from, int days, int limit) {
        for (int offset = 0; offset <= HORIZON_DAYS; offset++) {
            LocalDate day = from.plusDays(offset);
            if (count(contact, counted, zone, day, days) < limit) {
                return day;
            }
        }
        return null;
    }

    /**
     * The local day of each attempt as an epoch day, the same as {@code at.atZone(zone).toLocalDate()}.
     * A zone's offset changes only at its few transitions, so those between the earliest and the
     * latest attempt are looked up once instead of the offset of every attempt.
     */
    static long[] epochDays(List<ContactAttempt> attempts, ZoneId zone) {
        long[] days = new long[attempts.size()];
        if (days.length == 0) {
            return days;
        }
        Instant earliest = attempts.get(0).at();
        Instant latest = earliest;
        for (ContactAttempt attempt : attempts) {
            earliest = attempt.at().isBefore(earliest) ? attempt.at() : earliest;
            latest = attempt.at().isAfter(latest) ? attempt.at() : latest;
        }
        ZoneRules rules = zone.getRules();
        ZoneOffset first = rules.getOffset(earliest);
        List<ZoneOffsetTransition> transitions = new ArrayList<>(2);
        for (ZoneOffsetTransition next = rules.nextTransition(earliest);
             next != null && !next.getInstant().isAfter(latest); next = rules.nextTransition(next.getInstant())) {
            transitions.add(next);
        }
        for (int i = 0; i < days.length; i++) {
            Instant at = attempts.get(i).at();
            ZoneOffset offset = first;
            for (ZoneOffsetTransition transition : transitions) {
                if (at.isBefore(transition.getInstant())) {
                    break;
                }
                offset = transition.getOffsetAfter();
            }
            days[i] = Math.floorDiv(at.getEpochSecond() + offset.getTotalSeconds(), SECONDS_PER_DAY);
        }
        return days;
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
