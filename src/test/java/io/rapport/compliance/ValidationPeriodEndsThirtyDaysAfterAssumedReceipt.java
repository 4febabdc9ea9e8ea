package io.rapport.compliance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationPeriodEndsThirtyDaysAfterAssumedReceipt {

    @ParameterizedTest(name = "sent {0}: received {1}, ends {2}")
    @CsvSource({
            // Wednesday before Thanksgiving: Thursday 27 is a holiday, the weekend does not count.
            "2025-11-26, 2025-12-04, 2026-01-03",
            // Thursday before Saturday July 4, 2026: Friday July 3 is the observed holiday.
            "2026-07-02, 2026-07-10, 2026-08-09",
            // A plain Monday: five weekdays later is the next Monday.
            "2025-03-03, 2025-03-10, 2025-04-09",
            // Friday: the weekend is skipped, receipt on the next Friday.
            "2025-03-07, 2025-03-14, 2025-04-13",
            // Sent on a Saturday: counting starts on Monday.
            "2025-03-08, 2025-03-14, 2025-04-13",
            // Christmas Day 2027 is a Saturday, observed Friday the 24th.
            "2027-12-22, 2027-12-30, 2028-01-29",
            // New Year's Day 2028 is a Saturday, observed Friday December 31, 2027.
            "2027-12-27, 2028-01-04, 2028-02-03",
            // Juneteenth 2027 is a Saturday, observed Friday June 18.
            "2027-06-16, 2027-06-24, 2027-07-24",
            // Christmas 2022 was a Sunday, observed Monday the 26th.
            "2022-12-21, 2022-12-29, 2023-01-28",
            // Columbus Day (2nd Monday of October 2025 is the 13th).
            "2025-10-09, 2025-10-17, 2025-11-16"
    })
    void assumedReceiptSkipsWeekendsAndHolidaysAndTheEndDoesNotMove(LocalDate sentOn, LocalDate receipt, LocalDate end) {
        ValidationPeriod period = ValidationPeriod.forNoticeSentOn(sentOn);

        assertThat(period.sentOn()).isEqualTo(sentOn);
        assertThat(period.assumedReceiptOn()).isEqualTo(receipt);
        assertThat(period.endsOn()).isEqualTo(end);
    }

    @Test
    void theEndDayItselfMayFallOnASaturdayAsInTheContractsExample() {
        ValidationPeriod period = ValidationPeriod.forNoticeSentOn(LocalDate.parse("2025-11-26"));

        assertThat(period.endsOn().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
        assertThat(period.includes(LocalDate.parse("2026-01-03"))).isTrue();
        assertThat(period.includes(LocalDate.parse("2026-01-04"))).isFalse();
    }
}
