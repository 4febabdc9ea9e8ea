package io.rapport.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TheValidationNoticeGoesOutWithinFiveDaysOfTheFirstCommunication {

    @Test
    void theLatestSendingDayIsFiveCalendarDaysAfterTheFirstCommunication() {
        assertThat(ValidationNotices.latestSendingDay(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 7));
    }

    @Test
    void weekendsAndHolidaysDoNotExtendTheFiveDays() {
        // Wednesday before the July 3 observed holiday: the weekend and the holiday still count.
        assertThat(ValidationNotices.latestSendingDay(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2026, 7, 6));
    }

    @Test
    void aNoticeOnTheFifthDayIsOnTimeAndOnTheSixthIsLate() {
        ValidationNoticeSchedule schedule = ValidationNoticeSchedule.afterFirstCommunicationOn(LocalDate.of(2026, 3, 2));

        assertThat(schedule.lateness(LocalDate.of(2026, 3, 2))).isEmpty();
        assertThat(schedule.lateness(LocalDate.of(2026, 3, 7))).isEmpty();
        assertThat(schedule.lateness(LocalDate.of(2026, 3, 8))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("VN-01", "2026-03-07", "2026-03-08"));
    }

    @Test
    void aConsumerWhoReadsSpanishGetsTheSpanishNoticeAndEveryoneElseTheEnglishOne() {
        assertThat(NoticeLanguage.forConsumer("es")).isEqualTo(NoticeLanguage.ES);
        assertThat(NoticeLanguage.forConsumer("en")).isEqualTo(NoticeLanguage.EN);
        assertThat(NoticeLanguage.forConsumer(null)).isEqualTo(NoticeLanguage.EN);
        assertThat(NoticeLanguage.of("fr")).isEmpty();
    }
}
