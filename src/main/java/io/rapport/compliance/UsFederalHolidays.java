package io.rapport.compliance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * The legal public holidays of 5 USC 6103(a) and the days they are observed on: a holiday that
 * falls on a Saturday is observed the Friday before, one on a Sunday the Monday after (Executive
 * Order 11582 and 5 USC 6103(b)). Inauguration Day is left out: it is a holiday only for federal
 * employees around Washington, D.C. (5 USC 6103(c)).
 */
public final class UsFederalHolidays {

    private UsFederalHolidays() {
    }

    /** Whether the day is a legal public holiday or the day one is observed on. */
    public static boolean isHoliday(LocalDate day) {
        // New Year's Day falling on a Saturday is observed on December 31 of the year before.
        return in(day.getYear()).contains(day) || in(day.getYear() + 1).contains(day);
    }

    /** Whether the day is neither a Saturday, a Sunday nor a holiday (actual or observed). */
    public static boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /** The holidays of a year, each with the day it is observed on when that differs. */
    public static Set<LocalDate> in(int year) {
        Set<LocalDate> days = new TreeSet<>();
        addWithObserved(days, LocalDate.of(year, Month.JANUARY, 1));
        days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));      // Birthday of Martin Luther King, Jr.
        days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));     // Washington's Birthday
        days.add(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))); // Memorial Day
        if (year >= 2021) {
            addWithObserved(days, LocalDate.of(year, Month.JUNE, 19)); // Juneteenth, since 2021
        }
        addWithObserved(days, LocalDate.of(year, Month.JULY, 4));
        days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));    // Labor Day
        days.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2));      // Columbus Day
        addWithObserved(days, LocalDate.of(year, Month.NOVEMBER, 11)); // Veterans Day
        days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));   // Thanksgiving Day
        addWithObserved(days, LocalDate.of(year, Month.DECEMBER, 25));
        return days;
    }

    private static void addWithObserved(Set<LocalDate> days, LocalDate holiday) {
        days.add(holiday);
        if (holiday.getDayOfWeek() == DayOfWeek.SATURDAY) {
            days.add(holiday.minusDays(1));
        } else if (holiday.getDayOfWeek() == DayOfWeek.SUNDAY) {
            days.add(holiday.plusDays(1));
        }
    }

    private static LocalDate nth(int year, Month month, DayOfWeek weekday, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }
}
