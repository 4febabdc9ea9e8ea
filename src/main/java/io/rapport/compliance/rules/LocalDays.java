package io.rapport.compliance.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Counting events by the consumer's local calendar days. */
final class LocalDays {

    /** Far enough for any window of the catalogue to have moved past every event. */
    private static final int HORIZON_DAYS = 400;

    private LocalDays() {
    }

    /** How many instants fall on the {@code days} local days ending with {@code lastDay}. */
    static long count(List<Instant> instants, ZoneId zone, LocalDate lastDay, int days) {
        LocalDate firstDay = lastDay.minusDays(days - 1L);
        return instants.stream()
                .map(instant -> instant.atZone(zone).toLocalDate())
                .filter(day -> !day.isBefore(firstDay) && !day.isAfter(lastDay))
                .count();
    }

    /**
     * The first local day from {@code from} on whose window of {@code days} days holds fewer than
     * {@code limit} of the instants, or null if none within the horizon.
     */
    static LocalDate firstDayBelow(List<Instant> instants, ZoneId zone, LocalDate from, int days, int limit) {
        for (int offset = 0; offset <= HORIZON_DAYS; offset++) {
            LocalDate day = from.plusDays(offset);
            if (count(instants, zone, day, days) < limit) {
                return day;
            }
        }
        return null;
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
