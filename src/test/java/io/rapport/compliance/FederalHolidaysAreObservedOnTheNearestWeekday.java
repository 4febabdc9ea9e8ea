package io.rapport.compliance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FederalHolidaysAreObservedOnTheNearestWeekday {

    @Test
    void the2025HolidaysAreTheElevenOf5Usc6103() {
        assertThat(UsFederalHolidays.in(2025)).containsExactly(
                LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-20"), LocalDate.parse("2025-02-17"),
                LocalDate.parse("2025-05-26"), LocalDate.parse("2025-06-19"), LocalDate.parse("2025-07-04"),
                LocalDate.parse("2025-09-01"), LocalDate.parse("2025-10-13"), LocalDate.parse("2025-11-11"),
                LocalDate.parse("2025-11-27"), LocalDate.parse("2025-12-25"));
    }

    @Test
    void aSaturdayHolidayIsObservedOnFridayAndASundayHolidayOnMonday() {
        assertThat(UsFederalHolidays.isHoliday(LocalDate.parse("2026-07-03"))).as("July 4, 2026 is a Saturday").isTrue();
        assertThat(UsFederalHolidays.isHoliday(LocalDate.parse("2026-07-04"))).isTrue();
        assertThat(UsFederalHolidays.isHoliday(LocalDate.parse("2023-01-02"))).as("January 1, 2023 was a Sunday").isTrue();
        assertThat(UsFederalHolidays.isHoliday(LocalDate.parse("2026-11-11"))).isTrue();
        assertThat(UsFederalHolidays.isHoliday(LocalDate.parse("2026-07-06"))).isFalse();
    }

    @Test
    void newYearsDayOnASaturdayIsObservedOnTheLastDayOfThePreviousYear() {
        assertThat(UsFederalHolidays.isHoliday(LocalDate.parse("2027-12-31"))).isTrue();
        assertThat(UsFederalHolidays.isBusinessDay(LocalDate.parse("2027-12-31"))).isFalse();
        assertThat(UsFederalHolidays.isBusinessDay(LocalDate.parse("2027-12-30"))).isTrue();
    }

    @Test
    void juneteenthIsAHolidayOnlySince2021() {
        assertThat(UsFederalHolidays.isHoliday(LocalDate.parse("2020-06-19"))).isFalse();
        assertThat(UsFederalHolidays.isHoliday(LocalDate.parse("2021-06-18"))).as("observed on Friday in 2021").isTrue();
    }

    @Test
    void weekendsAreNotBusinessDays() {
        assertThat(UsFederalHolidays.isBusinessDay(LocalDate.parse("2025-03-08"))).isFalse();
        assertThat(UsFederalHolidays.isBusinessDay(LocalDate.parse("2025-03-09"))).isFalse();
        assertThat(UsFederalHolidays.isBusinessDay(LocalDate.parse("2025-03-10"))).isTrue();
    }
}
