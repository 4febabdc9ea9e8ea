package io.rapport.compliance;

import org.junit.jupiter.api.Test;

import static io.rapport.compliance.Facts.NY_MOBILE;
import static io.rapport.compliance.Facts.at;
import static io.rapport.compliance.Facts.call;
import static io.rapport.compliance.Facts.debt;
import static io.rapport.compliance.Facts.inboundCall;
import static io.rapport.compliance.Facts.proposal;
import static org.assertj.core.api.Assertions.assertThat;

/** FREQ-02: no call within 7 days after a telephone conversation (1006.14(b)(2)(i)(B)). */
class ConversationStartsSevenDaysWithoutCalls {

    @Test
    void theConversationDayIsDayOneAndCallsResumeOnDayEight() {
        var conversation = call("2025-03-05T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1");

        GateDecision sameDay = proposal().history(conversation).at("2025-03-05T18:00:00Z").evaluate();
        GateDecision daySeven = proposal().history(conversation).at("2025-03-11T23:00:00Z").evaluate();
        GateDecision dayEight = proposal().history(conversation).at("2025-03-12T12:00:00Z").evaluate();

        assertThat(sameDay.reasons()).extracting(Reason::rule).containsExactly("FREQ-02");
        assertThat(sameDay.reasons().get(0).message()).contains("on 2025-03-05", "before 2025-03-12");
        assertThat(daySeven.blockedBy("FREQ-02")).isTrue();
        assertThat(dayEight.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aConversationTheConsumerStartedCountsToo() {
        GateDecision decision = proposal()
                .history(inboundCall("2025-03-05T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1"))
                .at("2025-03-07T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-02")).isTrue();
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-03-12T12:00:00Z"));
    }

    @Test
    void aLaterConversationStartsTheSevenDaysAgain() {
        GateDecision decision = proposal()
                .history(call("2025-03-05T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1"),
                        inboundCall("2025-03-10T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1"))
                .at("2025-03-12T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-02")).isTrue();
        assertThat(decision.reasons().get(0).message()).contains("on 2025-03-10", "before 2025-03-17");
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-03-17T12:00:00Z"));
    }

    @Test
    void aConversationAboutSeveralDebtsCountsForEach() {
        GateDecision decision = proposal().debts(debt("D1"), debt("D2")).about("D2")
                .history(call("2025-03-05T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1", "D2"))
                .at("2025-03-07T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-02")).isTrue();
        assertThat(decision.reasons().get(0).message()).contains("about D2");
    }

    @Test
    void aConversationAboutOneDebtDoesNotStopCallsAboutAnother() {
        GateDecision decision = proposal().debts(debt("D1"), debt("D2")).about("D2")
                .history(call("2025-03-05T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1"))
                .at("2025-03-07T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-02")).isFalse();
    }

    @Test
    void theConversationDayIsTheConsumersLocalDay() {
        // 21:30 on Wednesday March 5 in New York, already Thursday in UTC: day 8 is Wednesday March 12 locally.
        GateDecision decision = proposal()
                .history(inboundCall("2025-03-06T02:30:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1"))
                .at("2025-03-12T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("FREQ-02")).isFalse();
    }

    @Test
    void onlyCallsAreHeldBackNotTextsOrEmails() {
        GateDecision decision = proposal().by(Channel.SMS, NY_MOBILE)
                .content("From a debt collector. Reply STOP to opt out.")
                .history(call("2025-03-05T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1"))
                .at("2025-03-06T15:00:00Z").evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.requiredDisclosures()).containsExactly(Disclosure.DEBT_COLLECTOR_STATEMENT, Disclosure.OPT_OUT_NOTICE);
    }
}
