package io.rapport.compliance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The validation period of a validation notice (VN-03). The consumer is assumed to receive the
 * notice 5 days after it is sent, not counting Saturdays, Sundays and legal public holidays (actual
 * or observed, see {@link UsFederalHolidays}); the period ends 30 days after that assumed receipt
 * (1006.34(b)(5)). The end day is not moved off a weekend or holiday: the contract's example ends
 * on Saturday 2026-01-03.
 *
 * @param sentOn           the day the notice was sent
 * @param assumedReceiptOn the 5th business day after sending
 * @param endsOn           30 calendar days after assumed receipt, the last day a dispute is timely
 */
public record ValidationPeriod(LocalDate sentOn, LocalDate assumedReceiptOn, LocalDate endsOn) {

    static final int RECEIPT_BUSINESS_DAYS = 5;
    static final int PERIOD_DAYS = 30;

    public ValidationPeriod {
        Objects.requireNonNull(sentOn, "sentOn");
        Objects.requireNonNull(assumedReceiptOn, "assumedReceiptOn");
        Objects.requireNonNull(endsOn, "endsOn");
    }

    /** The validation period of a notice sent on the given day. */
    public static ValidationPeriod forNoticeSentOn(LocalDate sentOn) {
        LocalDate day = Objects.requireNonNull(sentOn, "sentOn");
        int counted = 0;
        while (counted < RECEIPT_BUSINESS_DAYS) {
            day = day.plusDays(1);
            if (UsFederalHolidays.isBusinessDay(day)) {
                counted++;
            }
        }
        return new ValidationPeriod(sentOn, day, day.plusDays(PERIOD_DAYS));
    }

    /** Whether a dispute received on the day is inside the period. */
    public boolean includes(LocalDate day) {
        return !day.isBefore(sentOn) && !day.isAfter(endsOn);
    }
}
