package io.rapport.compliance;

import io.rapport.platform.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.rapport.compliance.Facts.NY_MOBILE;
import static io.rapport.compliance.Facts.consumer;
import static io.rapport.compliance.Facts.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Missing facts take the conservative reading, and the reason says which fact was missing. */
class MissingFactsNeverAllowAContact {

    @Test
    void aLetterToAConsumerWithoutAnyFactsMustArriveAtAnHourConvenientInEveryUsStateZone() {
        ContactProposal noConsumer = new ContactProposal(Instant.parse("2025-07-15T16:00:00Z"), Channel.LETTER, null,
                Purpose.COLLECTION, List.of("D1"), null, null, List.of(Facts.debt("D1")), null);

        GateDecision decision = new ContactGate().evaluate(noConsumer);

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("TIME-02");
        assertThat(decision.reasons().get(0).message())
                .contains("06:00 in Pacific/Honolulu (location unknown)", "no address, phone or known zone places the consumer");
        assertThat(decision.earliestAllowedAt()).isEqualTo(Instant.parse("2025-07-15T18:00:00Z"));
    }

    @Test
    void withoutConsumerFactsTheNumberBeingCalledStillPlacesTheConsumer() {
        ContactProposal noConsumer = new ContactProposal(Instant.parse("2025-07-15T12:30:00Z"), Channel.CALL, NY_MOBILE,
                Purpose.COLLECTION, List.of("D1"), null, null, List.of(Facts.debt("D1")), null);

        GateDecision decision = new ContactGate().evaluate(noConsumer);

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.requiredDisclosures()).containsExactly(Disclosure.MINI_MIRANDA, Disclosure.VALIDATION_NOTICE);
    }

    @Test
    void aTextWithoutRenderedContentCannotBeShownToCarryAnOptOut() {
        GateDecision decision = proposal().by(Channel.SMS, NY_MOBILE).evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("OPT-01");
        assertThat(decision.reasons().get(0).message()).contains("no rendered content was given");
    }

    @Test
    void aTextToANumberNotOnFileIsReadAsAMobileWithoutConsent() {
        GateDecision decision = proposal().by(Channel.SMS, "+12125550888")
                .content("From a debt collector: an attempt to collect a debt; information obtained will be used for that purpose. Reply STOP to opt out.")
                .evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("TCPA-01");
        assertThat(decision.reasons().get(0).message()).contains("not among the consumer's numbers", "read as a mobile number without consent");
    }

    @Test
    void aDebtWithoutFactsCannotBeShownUndisputedOrOutsideTheStatuteOfLimitations() {
        GateDecision decision = proposal().about("D9").evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("DISP-01");
        assertThat(decision.reasons().get(0).message()).contains("no facts were given for debt D9");
        assertThat(decision.warnings()).extracting(Reason::message).anyMatch(message -> message.contains("possibly time-barred"));
    }

    @Test
    void aLetterAboutADebtOfUnknownStatusWithoutContentIsBlocked() {
        GateDecision decision = proposal().by(Channel.LETTER, null).debts(new DebtFacts("D1", null, null, null)).evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("TBD-01");
        assertThat(decision.reasons().get(0).message()).contains("status unknown", "without rendered content");
    }

    @Test
    void aVoicemailWithoutAScriptIsBlocked() {
        GateDecision decision = proposal().by(Channel.VOICEMAIL, NY_MOBILE).evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("LCM-01");
        assertThat(decision.reasons().get(0).message()).contains("no voicemail script was given");
    }

    @Test
    void aStateSpanningZonesWithoutZipCodeMustSuitEveryZoneOfTheState() {
        // 07:30 in Chicago, 08:30 in New York: a Florida address without ZIP could be either.
        GateDecision decision = proposal().consumer(consumer().address("FL", null).phones())
                .by(Channel.LETTER, null).at("2025-07-15T12:30:00Z").evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("TIME-02");
        assertThat(decision.reasons().get(0).message()).contains("07:30 in America/Chicago", "FL spans time zones");
    }

    @Test
    void anOptOutWithoutATimeHasAlwaysBeenInForce() {
        GateDecision decision = proposal().consumer(consumer().email("j@example.com", false, true).optOut(Channel.EMAIL, null, null))
                .by(Channel.EMAIL, "j@example.com").content("From a debt collector. Reply STOP to opt out.").evaluate();

        assertThat(decision.blockedBy("OPT-02")).isTrue();
    }

    @Test
    void aProposalWithoutInstantChannelOrPurposeIsMalformedAndEachFieldIsNamed() {
        ContactProposal malformed = new ContactProposal(null, null, NY_MOBILE, null, null, null, null, null,
                List.of(new ContactAttempt(null, Channel.CALL, Direction.OUTBOUND, NY_MOBILE, List.of(), Outcome.BUSY)));

        assertThatThrownBy(() -> new ContactGate().evaluate(malformed))
                .isInstanceOfSatisfying(InvalidRequest.class, invalid -> assertThat(invalid.errors())
                        .extracting(InvalidRequest.FieldError::field)
                        .containsExactly("at", "channel", "purpose", "history[0].at"));
    }
}
