package io.rapport.compliance;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A local time range the consumer said is inconvenient, from inclusive to exclusive, on the given days (none: every
 * day). A range whose end is before its start wraps past midnight ({@code 20:00}-{@code 09:00}) and belongs to the day
 * it starts on; equal ends mean the whole day.
 */
public record InconvenientTime(LocalTime from, LocalTime to, Set<DayOfWeek> days) {

    public InconvenientTime {
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(days);
    }

    public InconvenientTime(LocalTime from, LocalTime to) {
        this(from, to, null);
    }

    /** Whether the range applies on a day (the day a range starts on). */
    public boolean appliesOn(DayOfWeek day) {
        return days.isEmpty() || days.contains(day);
    }

    /** Every hour of every day: such a range never lifts. */
    public boolean always() {
        return from.equals(to) && (days.isEmpty() || days.size() == 7);
    }

    /** "00:00-10:00" or "the whole day on SUNDAY", for reasons. */
    public String describe() {
        String window = from.equals(to) ? "the whole day" : from + "-" + to;
        return days.isEmpty() ? window : window + " on " + EnumSet.copyOf(days).stream().map(DayOfWeek::name)
                .collect(Collectors.joining(", "));
    }
}
