package io.rapport.compliance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.rapport.compliance.Facts.LA_MOBILE;
import static io.rapport.compliance.Facts.NY_MOBILE;
import static io.rapport.compliance.Facts.at;
import static io.rapport.compliance.Facts.call;
import static io.rapport.compliance.Facts.calls;
import static io.rapport.compliance.Facts.consumer;
import static io.rapport.compliance.Facts.mobile;
import static io.rapport.compliance.Facts.proposal;
import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of contracts/compliance.md, decided by the whole gate. */
class WorkedExamplesOfTheContractAreDecidedAsWritten {

    @Test
    void eighthCallOnSundayAfterSevenUnansweredCallsOnMondayIsBlocked() {
        GateDecision decision = proposal()
                .history(calls(7, "2025-03-03", NY_MOBILE, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-09T15:00:00Z")
                .evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("FREQ-01");
        assertThat(decision.reasons().get(0).message()).contains("7 calls about D1", "2025-03-03 to 2025-03-09");
        // Monday 00:00 EDT is the first moment the window no longer holds the 7 calls; 08:00 EDT the first convenient one.
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-03-10T12:00:00Z"));
    }

    @Test
    void sameHistoryAllowsACallOnTheFollowingMonday() {
        GateDecision decision = proposal()
                .history(calls(7, "2025-03-03", NY_MOBILE, Outcome.NO_ANSWER, "D1"))
                .at("2025-03-10T15:00:00Z")
                .evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.earliestAllowedAt()).isNull();
    }

    @Test
    void conversationOnWednesdayBlocksTheNextTuesdayAndAllowsTheNextWednesday() {
        var conversation = call("2025-03-05T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1");

        GateDecision tuesday = proposal().history(conversation).at("2025-03-11T15:00:00Z").evaluate();
        GateDecision wednesday = proposal().history(conversation).at("2025-03-12T15:00:00Z").evaluate();

        assertThat(tuesday.reasons()).extracting(Reason::rule).containsExactly("FREQ-02");
        assertThat(tuesday.earliestAllowedAt()).isEqualTo(at("2025-03-12T12:00:00Z"));
        assertThat(wednesday.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void newYorkAddressWithLosAngelesMobileIsBlockedUntilEightInLosAngeles() {
        GateDecision decision = proposal()
                .consumer(consumer().phones(mobile(LA_MOBILE)))
                .by(Channel.CALL, LA_MOBILE)
                .at("2025-07-15T14:30:00Z")
                .evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("TIME-02");
        assertThat(decision.reasons().get(0).message())
                .startsWith("07:30 in America/Los_Angeles (phone +1 213) is before 08:00");
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-07-15T15:00:00Z"));
        assertThat(decision.requiredDisclosures()).contains(Disclosure.MINI_MIRANDA);
    }

    @Test
    void sameConsumerFiveMinutesAfterEightInLosAngelesIsAllowed() {
        GateDecision decision = proposal()
                .consumer(consumer().phones(mobile(LA_MOBILE)))
                .by(Channel.CALL, LA_MOBILE)
                .at("2025-07-15T15:05:00Z")
                .evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void bostonConsumerAtHalfPastTwelveUtcIsTooEarlyBeforeDaylightSavingAndFineOnTheDayItStarts() {
        var boston = consumer().address("MA", "02108").phones(mobile("+16175550123"));

        GateDecision saturday = proposal().consumer(boston).by(Channel.CALL, "+16175550123")
                .at("2025-03-08T12:30:00Z").evaluate();
        GateDecision sunday = proposal().consumer(boston).by(Channel.CALL, "+16175550123")
                .at("2025-03-09T12:30:00Z").evaluate();

        assertThat(saturday.reasons()).extracting(Reason::rule).containsExactly("TIME-01");
        assertThat(saturday.reasons().get(0).message()).contains("07:30 in America/New_York");
        assertThat(saturday.earliestAllowedAt()).isEqualTo(at("2025-03-08T13:00:00Z"));
        assertThat(sunday.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void emailToAnEmployerIssuedAddressTheConsumerNeverUsedIsBlocked() {
        GateDecision decision = proposal()
                .consumer(consumer().email("j.doe@acme-corp.example", true, false))
                .by(Channel.EMAIL, "j.doe@acme-corp.example")
                .content("This is a communication from a debt collector. Reply STOP or click unsubscribe to opt out.")
                .history(call("2025-07-01T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1"))
                .evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("EMAIL-01");
        assertThat(decision.earliestAllowedAt()).isNull();
    }

    @Test
    void afterACeaseACollectionEmailIsBlockedButACeaseNoticeLetterIsAllowed() {
        var ceased = consumer().ceaseReceivedOn("2025-05-06").email("j.doe@example.com", false, true);

        GateDecision email = proposal().consumer(ceased).by(Channel.EMAIL, "j.doe@example.com")
                .content("From a debt collector: please pay. Reply STOP to opt out.")
                .at("2025-05-07T15:00:00Z").evaluate();
        GateDecision letter = proposal().consumer(ceased).by(Channel.LETTER, null).purpose(Purpose.CEASE_NOTICE)
                .at("2025-05-07T15:00:00Z").evaluate();

        assertThat(email.decision()).isEqualTo(Decision.BLOCK);
        assertThat(email.reasons()).extracting(Reason::rule).contains("CEASE-01");
        assertThat(email.reasons()).filteredOn(reason -> reason.rule().equals("CEASE-01"))
                .extracting(Reason::message).allMatch(message -> message.contains("2025-05-06"));
        assertThat(letter.decision()).isEqualTo(Decision.ALLOW);
        assertThat(letter.reasons()).isEmpty();
    }

    @Test
    void validationNoticeSentBeforeThanksgivingEndsOnTheThirdOfJanuary() {
        ValidationPeriod period = ValidationPeriod.forNoticeSentOn(LocalDate.parse("2025-11-26"));

        assertThat(period.assumedReceiptOn()).isEqualTo(LocalDate.parse("2025-12-04"));
        assertThat(period.endsOn()).isEqualTo(LocalDate.parse("2026-01-03"));
    }

    @Test
    void validationNoticeSentBeforeTheObservedIndependenceDayEndsOnTheNinthOfAugust() {
        ValidationPeriod period = ValidationPeriod.forNoticeSentOn(LocalDate.parse("2026-07-02"));

        assertThat(period.assumedReceiptOn()).isEqualTo(LocalDate.parse("2026-07-10"));
        assertThat(period.endsOn()).isEqualTo(LocalDate.parse("2026-08-09"));
    }
}
