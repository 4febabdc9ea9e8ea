package io.rapport.compliance;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.rapport.compliance.Facts.NY_MOBILE;
import static io.rapport.compliance.Facts.at;
import static io.rapport.compliance.Facts.call;
import static io.rapport.compliance.Facts.calls;
import static io.rapport.compliance.Facts.consumer;
import static io.rapport.compliance.Facts.debt;
import static io.rapport.compliance.Facts.inboundCall;
import static io.rapport.compliance.Facts.mobile;
import static io.rapport.compliance.Facts.phone;
import static io.rapport.compliance.Facts.proposal;
import static org.assertj.core.api.Assertions.assertThat;

/** FREQ-01: the 7-in-7 call presumption of 1006.14(b)(2)(i)(A). */
class SeventhCallInSevenDaysIsAllowedButEighthIsBlocked {

    private static final String WORK = "+12125550199";

    @Test
    void seventhCallIsAllowed() {
        GateDecision decision = proposal().history(calls(6, "2025-03-03", NY_MOBILE, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-05T15:00:00Z").evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void eighthCallIsBlockedUntilTheFirstCallsDayLeavesTheWindow() {
        GateDecision decision = proposal().history(calls(7, "2025-03-03", NY_MOBILE, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-05T15:00:00Z").evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("FREQ-01");
        assertThat(decision.reasons().get(0).message()).contains("calls resume on 2025-03-10", "1006.14(b)(2)(i)(A)");
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-03-10T12:00:00Z"));
    }

    @Test
    void busySignalsAndNumbersNotInServiceAreNotCounted() {
        List<ContactAttempt> history = new ArrayList<>(calls(6, "2025-03-03", NY_MOBILE, Outcome.NO_ANSWER, "D1"));
        history.add(call("2025-03-04T15:00:00Z", NY_MOBILE, Outcome.BUSY, "D1"));
        history.add(call("2025-03-04T16:00:00Z", NY_MOBILE, Outcome.BUSY, "D1"));
        history.add(call("2025-03-04T17:00:00Z", WORK, Outcome.NOT_IN_SERVICE, "D1"));

        GateDecision decision = proposal().history(history).at("2025-03-05T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-01")).isFalse();
    }

    @Test
    void callsThatReachedVoicemailOrWereAnsweredCount() {
        List<ContactAttempt> history = new ArrayList<>(calls(5, "2025-03-03", NY_MOBILE, Outcome.NO_ANSWER, "D1"));
        history.addAll(calls(2, "2025-03-01", NY_MOBILE, Outcome.VOICEMAIL, "D1"));

        GateDecision decision = proposal().history(history).at("2025-03-05T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-01")).isTrue();
    }

    @Test
    void callsToEveryOneOfThePersonsNumbersAddUp() {
        List<ContactAttempt> history = new ArrayList<>(calls(4, "2025-03-03", NY_MOBILE, Outcome.NO_ANSWER, "D1"));
        history.addAll(calls(3, "2025-03-04", WORK, Outcome.NO_ANSWER, "D1"));

        GateDecision decision = proposal()
                .consumer(consumer().phones(mobile(NY_MOBILE), phone(WORK, PhoneType.WORK, PhoneSource.CONSUMER)))
                .history(history).at("2025-03-05T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-01")).isTrue();
    }

    @Test
    void callsAboutOneDebtDoNotLimitCallsAboutAnother() {
        GateDecision decision = proposal().debts(debt("D1"), debt("D2")).about("D2")
                .history(calls(7, "2025-03-03", NY_MOBILE, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-05T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-01")).isFalse();
    }

    @Test
    void aCallAboutSeveralDebtsCountsForEachOfThem() {
        GateDecision decision = proposal().debts(debt("D1"), debt("D2")).about("D2")
                .history(calls(7, "2025-03-03", NY_MOBILE, Outcome.NO_ANSWER, "D1", "D2"))
                .at("2025-03-05T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-01")).isTrue();
        assertThat(decision.reasons().get(0).message()).contains("about D2");
    }

    @Test
    void aProposalAboutSeveralDebtsIsBlockedWhenAnyOfThemIsAtTheLimit() {
        GateDecision decision = proposal().debts(debt("D1"), debt("D2")).about("D1", "D2")
                .history(calls(7, "2025-03-03", NY_MOBILE, Outcome.NO_ANSWER, "D2"))
                .at("2025-03-05T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-01")).isTrue();
        assertThat(decision.reasons().get(0).message()).contains("about D2").doesNotContain("about D1");
    }

    @Test
    void callsTheConsumerMadeToUsAreNotCallAttempts() {
        List<ContactAttempt> history = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            history.add(inboundCall("2025-03-03T1" + i + ":00:00Z", NY_MOBILE, Outcome.VOICEMAIL, "D1"));
        }

        GateDecision decision = proposal().history(history).at("2025-03-05T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-01")).isFalse();
    }

    @Test
    void daysAreTheConsumersLocalCalendarDaysNotUtcDays() {
        // 19:00-19:06 on Monday March 3 in New York is already Tuesday in UTC.
        List<ContactAttempt> history = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            history.add(call("2025-03-04T00:0" + i + ":00Z", NY_MOBILE, Outcome.NO_ANSWER, "D1"));
        }

        GateDecision monday = proposal().history(history).at("2025-03-10T15:00:00Z").evaluate();
        GateDecision sunday = proposal().history(history).at("2025-03-09T15:00:00Z").evaluate();

        assertThat(monday.blockedBy("FREQ-01")).isFalse();
        assertThat(sunday.blockedBy("FREQ-01")).isTrue();
    }

    @Test
    void unansweredCallsWithoutAnOutcomeAreCountedToBeSafe() {
        List<ContactAttempt> history = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            history.add(call("2025-03-03T1" + i + ":00:00Z", NY_MOBILE, null, "D1"));
        }

        GateDecision decision = proposal().history(history).at("2025-03-05T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-01")).isTrue();
    }

    @Test
    void textsAndEmailsAreNotCallsAndAreNotLimitedByTheCallPresumption() {
        GateDecision decision = proposal().by(Channel.SMS, NY_MOBILE)
                .content("From a debt collector: attempting to collect a debt; information obtained will be used for that purpose. Reply STOP to opt out.")
                .history(calls(7, "2025-03-03", NY_MOBILE, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-05T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-01")).isFalse();
        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }
}
