package io.rapport.compliance;

import org.junit.jupiter.api.Test;

import static io.rapport.compliance.Facts.NY_MOBILE;
import static io.rapport.compliance.Facts.at;
import static io.rapport.compliance.Facts.consumer;
import static io.rapport.compliance.Facts.phone;
import static io.rapport.compliance.Facts.proposal;
import static io.rapport.compliance.Facts.reply;
import static io.rapport.compliance.Facts.sent;
import static org.assertj.core.api.Assertions.assertThat;

/** EMAIL-01, OPT-02, TCPA-01 and TCPA-02. */
class ContactPointsAreUsedOnlyAsTheConsumerAllows {

    private static final String FIRST_TEXT = "From a debt collector: this is an attempt to collect a debt and any "
            + "information obtained will be used for that purpose. Reply STOP to opt out.";
    private static final String CONFIRMATION = "Debt collector notice: you will get no more texts from us.";
    private static final String SKIP_TRACED = "+12125550777";
    private static final String LANDLINE = "+12125550300";

    @Test
    void anEmployerIssuedAddressTheConsumerUsedWithUsMayBeEmailed() {
        GateDecision decision = proposal().consumer(consumer().email("j.doe@acme.example", true, true))
                .by(Channel.EMAIL, "J.Doe@ACME.example").content(FIRST_TEXT).evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.requiredDisclosures())
                .containsExactly(Disclosure.MINI_MIRANDA, Disclosure.OPT_OUT_NOTICE, Disclosure.VALIDATION_NOTICE);
    }

    @Test
    void anEmployerIssuedAddressMayBeEmailedOnceTheConsumerConsented() {
        GateDecision decision = proposal()
                .consumer(consumer().email("j.doe@acme.example", true, false).consent(Channel.EMAIL, "j.doe@acme.example", "2025-07-01T10:00:00Z"))
                .by(Channel.EMAIL, "j.doe@acme.example").content(FIRST_TEXT).evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void anAddressNotOnFileMayBeTheEmployersAndIsNotUsed() {
        GateDecision decision = proposal().by(Channel.EMAIL, "someone@unknown.example").content(FIRST_TEXT).evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("EMAIL-01");
        assertThat(decision.reasons().get(0).message()).contains("not among the consumer's known email addresses");
    }

    @Test
    void anOptedOutChannelIsBlockedExceptForOneConfirmation() {
        var optedOut = consumer().email("j@example.com", false, true).optOut(Channel.EMAIL, "j@example.com", "2025-07-15T10:00:00Z");

        GateDecision collection = proposal().consumer(optedOut).by(Channel.EMAIL, "j@example.com").content(FIRST_TEXT).evaluate();
        GateDecision confirmation = proposal().consumer(optedOut).by(Channel.EMAIL, "j@example.com")
                .purpose(Purpose.OPT_OUT_CONFIRMATION).content(FIRST_TEXT.replace(" Reply STOP to opt out.", "")).evaluate();
        GateDecision secondConfirmation = proposal().consumer(optedOut).by(Channel.EMAIL, "j@example.com")
                .purpose(Purpose.OPT_OUT_CONFIRMATION).content(FIRST_TEXT)
                .history(sent("2025-07-15T10:01:00Z", Channel.EMAIL, "j@example.com", Outcome.DELIVERED))
                .evaluate();

        assertThat(collection.reasons()).extracting(Reason::rule).containsExactly("OPT-02");
        assertThat(collection.reasons().get(0).message()).contains("opted out of EMAIL at j@example.com", "1006.14(h)");
        assertThat(confirmation.decision()).isEqualTo(Decision.ALLOW);
        assertThat(confirmation.requiredDisclosures()).doesNotContain(Disclosure.OPT_OUT_NOTICE);
        assertThat(secondConfirmation.reasons()).extracting(Reason::rule).containsExactly("OPT-02");
        assertThat(secondConfirmation.reasons().get(0).message()).contains("already sent on 2025-07-15T10:01:00Z");
    }

    @Test
    void anOptOutFromCallsCoversPrerecordedCallsAndAnotherAddressIsUnaffected() {
        var optedOut = consumer().optOut(Channel.CALL, NY_MOBILE, "2025-07-01T10:00:00Z")
                .email("j@example.com", false, true);

        GateDecision prerecorded = proposal().consumer(optedOut).by(Channel.PRERECORDED_CALL, NY_MOBILE)
                .content(FIRST_TEXT).evaluate();
        GateDecision email = proposal().consumer(optedOut).by(Channel.EMAIL, "j@example.com").content(FIRST_TEXT).evaluate();

        assertThat(prerecorded.blockedBy("OPT-02")).isTrue();
        assertThat(prerecorded.blockedBy("TCPA-02")).isTrue();
        assertThat(email.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aLaterConsentEndsAnOptOut() {
        var optedBackIn = consumer().email("j@example.com", false, true)
                .optOut(Channel.EMAIL, null, "2025-07-01T10:00:00Z")
                .consent(Channel.EMAIL, null, "2025-07-10T10:00:00Z");

        GateDecision decision = proposal().consumer(optedBackIn).by(Channel.EMAIL, "j@example.com").content(FIRST_TEXT).evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aTextToASkipTracedMobileNeedsAConsentOnRecord() {
        var traced = consumer().phones(Facts.mobile(NY_MOBILE), phone(SKIP_TRACED, PhoneType.MOBILE, PhoneSource.SKIP_TRACE));

        GateDecision without = proposal().consumer(traced).by(Channel.SMS, SKIP_TRACED).content(FIRST_TEXT).evaluate();
        GateDecision with = proposal().consumer(traced.consent(Channel.SMS, SKIP_TRACED, "2025-07-01T10:00:00Z"))
                .by(Channel.SMS, SKIP_TRACED).content(FIRST_TEXT).evaluate();

        assertThat(without.reasons()).extracting(Reason::rule).containsExactly("TCPA-01");
        assertThat(without.reasons().get(0).message()).contains("found by SKIP_TRACE", "prior express consent");
        assertThat(with.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aNumberTheConsumerGaveTheCreditorCountsAsConsent() {
        GateDecision decision = proposal().by(Channel.SMS, NY_MOBILE).content(FIRST_TEXT).evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aFourthPrerecordedCallToALandlineIn30DaysIsBlocked() {
        var withLandline = consumer().phones(phone(LANDLINE, PhoneType.LANDLINE, PhoneSource.CREDITOR));
        GateDecision decision = proposal().consumer(withLandline).by(Channel.PRERECORDED_CALL, LANDLINE).content(FIRST_TEXT)
                .history(sent("2025-06-20T15:00:00Z", Channel.PRERECORDED_CALL, LANDLINE, Outcome.NO_ANSWER, "D1"),
                        sent("2025-06-27T15:00:00Z", Channel.PRERECORDED_CALL, LANDLINE, Outcome.NO_ANSWER, "D1"),
                        sent("2025-07-04T15:00:00Z", Channel.PRERECORDED_CALL, LANDLINE, Outcome.NO_ANSWER, "D1"))
                .at("2025-07-11T15:00:00Z").evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("TCPA-01");
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-07-20T15:00:00Z"));
    }

    @Test
    void aStopReplyRevokesTextsAtOnceAndAllowsOneConfirmationWithinFiveMinutes() {
        var earlierText = sent("2025-07-15T15:00:00Z", Channel.SMS, NY_MOBILE, Outcome.DELIVERED, "D1");
        var stop = reply("2025-07-15T15:58:00Z", NY_MOBILE, "Please stop texting me");

        GateDecision text = proposal().by(Channel.SMS, NY_MOBILE).content(FIRST_TEXT).history(stop).evaluate();
        GateDecision confirmation = proposal().by(Channel.SMS, NY_MOBILE).purpose(Purpose.OPT_OUT_CONFIRMATION)
                .content(CONFIRMATION).history(earlierText, stop).at("2025-07-15T16:02:00Z").evaluate();
        GateDecision lateConfirmation = proposal().by(Channel.SMS, NY_MOBILE).purpose(Purpose.OPT_OUT_CONFIRMATION)
                .content(CONFIRMATION).history(earlierText, stop).at("2025-07-15T16:04:00Z").evaluate();
        GateDecision call = proposal().by(Channel.CALL, NY_MOBILE).history(stop).evaluate();

        assertThat(text.reasons()).extracting(Reason::rule).containsExactly("TCPA-02");
        assertThat(text.reasons().get(0).message()).contains("'Please stop texting me'");
        assertThat(confirmation.decision()).isEqualTo(Decision.ALLOW);
        assertThat(lateConfirmation.reasons()).extracting(Reason::rule).containsExactly("TCPA-02");
        assertThat(lateConfirmation.reasons().get(0).message()).contains("within 5 minutes");
        assertThat(call.reasons()).as("a live call by an agent is not a text or prerecorded call").isEmpty();
    }

    @Test
    void anOptOutFromTextsIsARevocationTooAndItsConfirmationGoesOnce() {
        var optedOut = consumer().optOut(Channel.SMS, NY_MOBILE, "2025-07-15T15:58:00Z");
        var earlierText = sent("2025-07-15T15:00:00Z", Channel.SMS, NY_MOBILE, Outcome.DELIVERED, "D1");

        GateDecision confirmation = proposal().consumer(optedOut).by(Channel.SMS, NY_MOBILE)
                .purpose(Purpose.OPT_OUT_CONFIRMATION).content(CONFIRMATION).history(earlierText)
                .at("2025-07-15T16:00:00Z").evaluate();
        GateDecision again = proposal().consumer(optedOut).by(Channel.SMS, NY_MOBILE)
                .purpose(Purpose.OPT_OUT_CONFIRMATION).content(CONFIRMATION)
                .history(earlierText, sent("2025-07-15T15:59:00Z", Channel.SMS, NY_MOBILE, Outcome.DELIVERED))
                .at("2025-07-15T16:00:00Z").evaluate();

        assertThat(confirmation.reasons()).isEmpty();
        assertThat(again.reasons()).extracting(Reason::rule).containsExactlyInAnyOrder("OPT-02", "TCPA-02");
    }

    @Test
    void repliesThatDoNotRevokeLeaveConsentInPlace() {
        GateDecision decision = proposal().by(Channel.SMS, NY_MOBILE).content(FIRST_TEXT)
                .history(reply("2025-07-15T15:00:00Z", NY_MOBILE, "I will pay on Friday, can you stop by the fee?"))
                .evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }
}
