package io.rapport.compliance;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static io.rapport.compliance.Facts.at;
import static io.rapport.compliance.Facts.call;
import static io.rapport.compliance.Facts.consumer;
import static io.rapport.compliance.Facts.debt;
import static io.rapport.compliance.Facts.mobile;
import static io.rapport.compliance.Facts.phone;
import static io.rapport.compliance.Facts.proposal;
import static io.rapport.compliance.Facts.sent;
import static org.assertj.core.api.Assertions.assertThat;

/** ST-MA-01, ST-WA-01 and state limits as data. */
class StateOverlaysAddTheirOwnContactLimits {

    private static final String BOSTON_MOBILE = "+16175550123";
    private static final String BOSTON_WORK = "+16175550999";
    private static final String SEATTLE_MOBILE = "+12065550123";
    private static final String SEATTLE_WORK = "+12065550999";

    private static Facts.Consumer bostonConsumer() {
        return consumer().address("MA", "02108")
                .phones(mobile(BOSTON_MOBILE), phone(BOSTON_WORK, PhoneType.WORK, PhoneSource.CONSUMER));
    }

    private static Facts.Consumer seattleConsumer() {
        return consumer().address("WA", "98101")
                .phones(mobile(SEATTLE_MOBILE), phone(SEATTLE_WORK, PhoneType.WORK, PhoneSource.CONSUMER));
    }

    @Test
    void inMassachusettsTheThirdCallToAPersonalNumberInSevenDaysIsBlockedEvenIfUnanswered() {
        GateDecision decision = proposal().consumer(bostonConsumer()).by(Channel.CALL, BOSTON_MOBILE)
                .history(call("2025-03-03T15:00:00Z", BOSTON_MOBILE, Outcome.NO_ANSWER, "D1"),
                        call("2025-03-05T15:00:00Z", BOSTON_MOBILE, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-06T15:00:00Z").evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("ST-MA-01");
        assertThat(decision.reasons().get(0).message()).contains("2 already in the last 7 days about D1", "940 CMR 7.04(1)(f)");
        // The older call leaves the rolling window 7 days after it was made.
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-03-10T15:00:00Z"));
    }

    @Test
    void inMassachusettsTheSecondCallIsAllowed() {
        GateDecision decision = proposal().consumer(bostonConsumer()).by(Channel.CALL, BOSTON_MOBILE)
                .history(call("2025-03-03T15:00:00Z", BOSTON_MOBILE, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-06T15:00:00Z").evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void inMassachusettsTextsCountLikeCalls() {
        GateDecision decision = proposal().consumer(bostonConsumer()).by(Channel.CALL, BOSTON_MOBILE)
                .history(sent("2025-03-03T15:00:00Z", Channel.SMS, BOSTON_MOBILE, Outcome.DELIVERED, "D1"),
                        call("2025-03-05T15:00:00Z", BOSTON_MOBILE, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-06T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("ST-MA-01")).isTrue();
    }

    @Test
    void inMassachusettsTheLimitIsPerDebt() {
        GateDecision decision = proposal().consumer(bostonConsumer()).by(Channel.CALL, BOSTON_MOBILE)
                .debts(debt("D1"), debt("D2")).about("D2")
                .history(call("2025-03-03T15:00:00Z", BOSTON_MOBILE, Outcome.NO_ANSWER, "D1"),
                        call("2025-03-05T15:00:00Z", BOSTON_MOBILE, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-06T15:00:00Z").evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void inMassachusettsAWorkNumberGetsTwoCallsPerThirtyDays() {
        GateDecision decision = proposal().consumer(bostonConsumer()).by(Channel.CALL, BOSTON_WORK)
                .history(call("2025-03-03T15:00:00Z", BOSTON_WORK, Outcome.NO_ANSWER, "D1"),
                        call("2025-03-12T15:00:00Z", BOSTON_WORK, Outcome.VOICEMAIL, "D1"))
                .at("2025-03-25T15:00:00Z").evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("ST-MA-01");
        assertThat(decision.reasons().get(0).message()).contains("per 30 days", "2 already in the last 30 days");
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-04-02T15:00:00Z"));
    }

    @Test
    void callsToAPersonalNumberDoNotUseUpTheWorkNumbersAllowance() {
        GateDecision decision = proposal().consumer(bostonConsumer()).by(Channel.CALL, BOSTON_WORK)
                .history(call("2025-03-03T15:00:00Z", BOSTON_MOBILE, Outcome.NO_ANSWER, "D1"),
                        call("2025-03-05T15:00:00Z", BOSTON_MOBILE, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-06T15:00:00Z").evaluate();

        assertThat(decision.blockedBy("ST-MA-01")).isFalse();
    }

    @Test
    void theSameHistoryIsFineInAStateWithoutOverlays() {
        GateDecision decision = proposal()
                .history(call("2025-03-03T15:00:00Z", Facts.NY_MOBILE, Outcome.NO_ANSWER, "D1"),
                        call("2025-03-05T15:00:00Z", Facts.NY_MOBILE, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-06T15:00:00Z").evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void inWashingtonTheFourthCommunicationOfAWeekInAnyFormIsBlocked() {
        GateDecision decision = proposal().consumer(seattleConsumer()).by(Channel.CALL, SEATTLE_MOBILE)
                .debts(debt("D1"), debt("D2"))
                .history(sent("2025-03-03T18:00:00Z", Channel.LETTER, null, Outcome.SENT, "D1"),
                        sent("2025-03-04T18:00:00Z", Channel.EMAIL, "j@example.com", Outcome.DELIVERED, "D2"),
                        call("2025-03-05T18:00:00Z", SEATTLE_MOBILE, Outcome.NO_ANSWER, "D2"))
                .at("2025-03-06T18:00:00Z").evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("ST-WA-01");
        assertThat(decision.reasons().get(0).message()).contains("3 communications", "RCW 19.16.250");
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-03-10T18:00:00Z"));
    }

    @Test
    void inWashingtonTheSecondCallToThePlaceOfEmploymentInAWeekIsBlocked() {
        GateDecision decision = proposal().consumer(seattleConsumer()).by(Channel.CALL, SEATTLE_WORK)
                .history(call("2025-03-04T18:00:00Z", SEATTLE_WORK, Outcome.CONVERSATION, "D1"))
                .at("2025-03-12T16:00:00Z").evaluate();
        GateDecision home = proposal().consumer(seattleConsumer()).by(Channel.CALL, SEATTLE_MOBILE)
                .history(call("2025-03-06T18:00:00Z", SEATTLE_WORK, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-12T16:00:00Z").evaluate();
        GateDecision work = proposal().consumer(seattleConsumer()).by(Channel.CALL, SEATTLE_WORK)
                .history(call("2025-03-06T18:00:00Z", SEATTLE_WORK, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-12T16:00:00Z").evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(home.decision()).isEqualTo(Decision.ALLOW);
        assertThat(work.reasons()).extracting(Reason::rule).containsExactly("ST-WA-01");
        assertThat(work.reasons().get(0).message()).contains("place of employment");
    }

    @Test
    void addingAStateIsAnEntryOfData() {
        var vermontLimit = new StateContactLimit("VT", "ST-VT-01", "a test citation", "Vermont allows 1 call per day",
                EnumSet.of(Channel.CALL), StateContactLimit.NumberScope.ANY, 1, 1, false,
                EnumSet.of(Outcome.NO_ANSWER, Outcome.CONVERSATION));
        ContactGate gate = new ContactGate(GateSettings.defaults(), new StateOverlays(List.of(vermontLimit)));
        var vermonter = consumer().address("VT", "05401").phones(mobile("+18025550100"));

        GateDecision decision = gate.evaluate(proposal().consumer(vermonter).by(Channel.CALL, "+18025550100")
                .history(call("2025-03-06T14:00:00Z", "+18025550100", Outcome.NO_ANSWER, "D1"))
                .at("2025-03-06T18:00:00Z").build());

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("ST-VT-01");
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-03-07T14:00:00Z"));
    }

    @Test
    void theShippedOverlaysCoverMassachusettsAndWashington() {
        StateOverlays overlays = StateOverlays.standard();

        assertThat(overlays.forState("ma")).extracting(StateContactLimit::rule).containsOnly("ST-MA-01").hasSize(2);
        assertThat(overlays.forState("WA")).extracting(StateContactLimit::rule).containsOnly("ST-WA-01").hasSize(2);
        assertThat(overlays.forState("NY")).isEmpty();
        assertThat(overlays.forState("MA")).allSatisfy(limit -> {
            assertThat(limit.max()).isEqualTo(2);
            assertThat(limit.perDebt()).isTrue();
            assertThat(limit.counts()).contains(Outcome.NO_ANSWER);
        });
    }
}
