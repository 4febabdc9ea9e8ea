package io.rapport.compliance;

import org.junit.jupiter.api.Test;

import static io.rapport.compliance.Facts.NY_MOBILE;
import static io.rapport.compliance.Facts.at;
import static io.rapport.compliance.Facts.call;
import static io.rapport.compliance.Facts.consumer;
import static io.rapport.compliance.Facts.mobile;
import static io.rapport.compliance.Facts.proposal;
import static org.assertj.core.api.Assertions.assertThat;

/** TIME-01, TIME-02 and TIME-03: convenient hours at the consumer's location (1006.6(b)(1)). */
class CallsHappenBetweenEightAndNineInEveryZoneOfTheConsumer {

    private static final String PHOENIX = "+16025550100";
    private static final String HONOLULU = "+18085550100";

    @Test
    void eightOClockSharpIsAllowedAndOneSecondBeforeIsNot() {
        GateDecision eight = proposal().at("2025-07-15T12:00:00Z").evaluate();
        GateDecision justBefore = proposal().at("2025-07-15T11:59:59Z").evaluate();

        assertThat(eight.decision()).isEqualTo(Decision.ALLOW);
        assertThat(justBefore.reasons()).extracting(Reason::rule).containsExactly("TIME-01");
        assertThat(justBefore.earliestAllowedAt()).isEqualTo(at("2025-07-15T12:00:00Z"));
    }

    @Test
    void nineInTheEveningIsTooLateAndTheNextChanceIsEightTheNextMorning() {
        GateDecision lastMinute = proposal().at("2025-07-16T00:59:00Z").evaluate();
        GateDecision nine = proposal().at("2025-07-16T01:00:00Z").evaluate();

        assertThat(lastMinute.decision()).isEqualTo(Decision.ALLOW);
        assertThat(nine.reasons()).extracting(Reason::rule).containsExactly("TIME-01");
        assertThat(nine.reasons().get(0).message()).startsWith("21:00 in America/New_York").contains("is at or after 21:00");
        assertThat(nine.earliestAllowedAt()).isEqualTo(at("2025-07-16T12:00:00Z"));
    }

    @Test
    void atMidnightTheNextChanceIsEightTheSameDay() {
        GateDecision midnight = proposal().at("2025-07-15T04:00:00Z").evaluate();

        assertThat(midnight.reasons().get(0).message()).startsWith("00:00 in America/New_York").contains("before 08:00");
        assertThat(midnight.earliestAllowedAt()).isEqualTo(at("2025-07-15T12:00:00Z"));
    }

    @Test
    void onTheDayDaylightSavingStartsEightOClockIsAnHourEarlierInUtc() {
        // 01:30 EST on Sunday March 9, 2025; clocks jump from 02:00 to 03:00; 08:00 EDT is 12:00 UTC.
        GateDecision night = proposal().at("2025-03-09T06:30:00Z").evaluate();
        // 21:00 EST on Saturday March 8; the next morning is already on daylight time.
        GateDecision eveningBefore = proposal().at("2025-03-09T02:00:00Z").evaluate();

        assertThat(night.earliestAllowedAt()).isEqualTo(at("2025-03-09T12:00:00Z"));
        assertThat(eveningBefore.earliestAllowedAt()).isEqualTo(at("2025-03-09T12:00:00Z"));
    }

    @Test
    void onTheDayDaylightSavingEndsEightOClockIsAnHourLaterInUtc() {
        // 06:30 EST on Sunday November 2, 2025, after clocks fell back from 02:00 EDT to 01:00 EST.
        GateDecision early = proposal().at("2025-11-02T11:30:00Z").evaluate();
        GateDecision twelveUtc = proposal().at("2025-11-02T12:00:00Z").evaluate();

        assertThat(early.earliestAllowedAt()).isEqualTo(at("2025-11-02T13:00:00Z"));
        assertThat(twelveUtc.reasons().get(0).message()).startsWith("07:00 in America/New_York");
    }

    @Test
    void arizonaKeepsStandardTimeAllYearWhileDenverMovesItsClocks() {
        var phoenix = consumer().address("AZ", "85004").phones(mobile(PHOENIX));
        var denver = consumer().address("CO", "80202").phones(mobile("+13035550100"));

        GateDecision arizonaSummer = proposal().consumer(phoenix).by(Channel.CALL, PHOENIX).at("2025-07-15T14:30:00Z").evaluate();
        GateDecision denverSummer = proposal().consumer(denver).by(Channel.CALL, "+13035550100").at("2025-07-15T14:30:00Z").evaluate();
        GateDecision arizonaWinter = proposal().consumer(phoenix).by(Channel.CALL, PHOENIX).at("2025-01-15T14:30:00Z").evaluate();

        assertThat(arizonaSummer.reasons()).extracting(Reason::rule).containsExactly("TIME-01");
        assertThat(arizonaSummer.reasons().get(0).message()).startsWith("07:30 in America/Phoenix");
        assertThat(arizonaSummer.earliestAllowedAt()).isEqualTo(at("2025-07-15T15:00:00Z"));
        assertThat(denverSummer.decision()).isEqualTo(Decision.ALLOW);
        assertThat(arizonaWinter.earliestAllowedAt()).isEqualTo(at("2025-01-15T15:00:00Z"));
    }

    @Test
    void hawaiiIsTenHoursBehindUtcAllYear() {
        var honolulu = consumer().address("HI", "96813").phones(mobile(HONOLULU));

        GateDecision morning = proposal().consumer(honolulu).by(Channel.CALL, HONOLULU).at("2025-07-15T17:30:00Z").evaluate();
        GateDecision evening = proposal().consumer(honolulu).by(Channel.CALL, HONOLULU).at("2025-07-16T06:59:00Z").evaluate();
        GateDecision night = proposal().consumer(honolulu).by(Channel.CALL, HONOLULU).at("2025-07-16T07:00:00Z").evaluate();

        assertThat(morning.earliestAllowedAt()).isEqualTo(at("2025-07-15T18:00:00Z"));
        assertThat(evening.decision()).isEqualTo(Decision.ALLOW);
        assertThat(night.reasons().get(0).message()).startsWith("21:00 in Pacific/Honolulu");
        assertThat(night.earliestAllowedAt()).isEqualTo(at("2025-07-16T18:00:00Z"));
    }

    @Test
    void whenAddressAndPhoneDisagreeTheTimeMustSuitBoth() {
        // Address in Honolulu, mobile from New York: 18:00-01:00 UTC is the only shared window.
        var split = consumer().address("HI", "96813").phones(mobile(NY_MOBILE));

        GateDecision noonInNewYork = proposal().consumer(split).at("2025-07-15T16:00:00Z").evaluate();
        GateDecision lateInNewYork = proposal().consumer(split).at("2025-07-16T01:30:00Z").evaluate();
        GateDecision shared = proposal().consumer(split).at("2025-07-15T20:00:00Z").evaluate();

        assertThat(noonInNewYork.reasons()).extracting(Reason::rule).containsExactly("TIME-02");
        assertThat(noonInNewYork.reasons().get(0).message()).isEqualTo(
                "06:00 in Pacific/Honolulu (address HI 96813) is before 08:00 (12 CFR 1006.6(b)(1)(i))");
        assertThat(noonInNewYork.earliestAllowedAt()).isEqualTo(at("2025-07-15T18:00:00Z"));
        assertThat(lateInNewYork.reasons().get(0).message()).contains("21:30 in America/New_York (phone +1 212)");
        assertThat(lateInNewYork.earliestAllowedAt()).isEqualTo(at("2025-07-16T18:00:00Z"));
        assertThat(shared.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aTollFreeNumberDoesNotMoveTheConsumer() {
        var withTollFree = consumer().phones(mobile(NY_MOBILE), mobile("+18885550123"));

        GateDecision decision = proposal().consumer(withTollFree).at("2025-07-15T12:30:00Z").evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void withOnlyATollFreeNumberTheTimeMustSuitEveryUsStateZone() {
        var unplaced = consumer().address(null, null).phones(mobile("+18005550100"));

        GateDecision decision = proposal().consumer(unplaced).by(Channel.CALL, "+18005550100")
                .at("2025-07-15T16:00:00Z").evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("TIME-02");
        assertThat(decision.reasons().get(0).message())
                .contains("Pacific/Honolulu (location unknown)", "every US state zone", "+1 800 is toll-free");
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-07-15T18:00:00Z"));
    }

    @Test
    void creditReportingReachesNoConsumerAndHasNoHours() {
        GateDecision decision = proposal().by(Channel.CREDIT_REPORT, null)
                .history(call("2025-07-01T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1"))
                .at("2025-07-15T07:00:00Z").evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.requiredDisclosures()).isEmpty();
    }

    @Test
    void timesTheConsumerSaidAreInconvenientAreBlockedUntilTheyEnd() {
        var mornings = consumer().inconvenient("00:00", "12:00");

        GateDecision decision = proposal().consumer(mornings).at("2025-07-15T14:00:00Z").evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("TIME-03");
        assertThat(decision.reasons().get(0).message()).contains("10:00 in America/New_York", "00:00-12:00");
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-07-15T16:00:00Z"));
    }

    @Test
    void anInconvenientRangeAcrossMidnightAndTheFederalHoursCombine() {
        // Evenings from 18:00 to 09:00 are inconvenient: at 20:00 the next chance is 09:00 the next day.
        var evenings = consumer().inconvenient("18:00", "09:00");

        GateDecision decision = proposal().consumer(evenings).at("2025-07-16T00:00:00Z").evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("TIME-03");
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-07-16T13:00:00Z"));
    }

    @Test
    void aWholeDayMarkedInconvenientNeverLiftsWithTime() {
        GateDecision decision = proposal().consumer(consumer().inconvenient("09:00", "09:00"))
                .at("2025-07-15T16:00:00Z").evaluate();

        assertThat(decision.blockedBy("TIME-03")).isTrue();
        assertThat(decision.earliestAllowedAt()).isNull();
    }
}
