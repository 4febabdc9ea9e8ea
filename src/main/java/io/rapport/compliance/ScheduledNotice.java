package io.rapport.compliance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The validation notice of one debt: when the first communication about it was, the day the notice is due by
 * (VN-01), and once sent, how, on which day and when the validation period ends (VN-03).
 *
 * @param status  SCHEDULED (waiting to be sent, or blocked by the gate for now: see {@code problem}), SENT, or
 *                REFUSED (its itemization does not add up, or it cannot be composed: {@code problem} says why)
 * @param problem why the last attempt did not send it, if it did not
 */
public record ScheduledNotice(UUID accountId, UUID debtId, Status status, LocalDate firstCommunicationOn, LocalDate dueOn,
        String channel, LocalDate sentOn, LocalDate validationPeriodEndsOn, UUID messageId, String problem) {

    public enum Status { SCHEDULED, SENT, REFUSED }
}
