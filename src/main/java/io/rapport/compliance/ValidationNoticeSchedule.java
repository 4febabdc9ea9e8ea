package io.rapport.compliance;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * VN-01: the validation notice goes in the first communication with the consumer about the debt or within 5 days after
 * it (1006.34(a)(1)). Regulation F does not exclude weekends or holidays from these 5 days, so they are counted as
 * calendar days, which is also the reading that leaves less time.
 *
 * @param firstCommunicationOn the day of the first communication about the debt
 * @param latestSendingDay     the last day the notice may be sent
 */
public record ValidationNoticeSchedule(LocalDate firstCommunicationOn, LocalDate latestSendingDay) {

    public static final String RULE = "VN-01";
    static final int DAYS_AFTER_FIRST_COMMUNICATION = 5;

    public ValidationNoticeSchedule {
        Objects.requireNonNull(firstCommunicationOn, "firstCommunicationOn");
        Objects.requireNonNull(latestSendingDay, "latestSendingDay");
    }

    public static ValidationNoticeSchedule afterFirstCommunicationOn(LocalDate firstCommunicationOn) {
        Objects.requireNonNull(firstCommunicationOn, "firstCommunicationOn");
        return new ValidationNoticeSchedule(firstCommunicationOn, firstCommunicationOn.plusDays(DAYS_AFTER_FIRST_COMMUNICATION));
    }

    /** Empty when a notice sent on the day is on time, otherwise why not. */
    public Optional<String> lateness(LocalDate sentOn) {
        if (!sentOn.isAfter(latestSendingDay)) {
            return Optional.empty();
        }
        return Optional.of(RULE + ": the first communication was on " + firstCommunicationOn + ", so the validation notice "
                + "had to be sent by " + latestSendingDay + " (within 5 days, 12 CFR 1006.34(a)(1)); " + sentOn + " is late");
    }
}
