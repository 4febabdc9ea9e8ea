package io.rapport.compliance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.rapport.compliance.Facts.NY_MOBILE;
import static io.rapport.compliance.Facts.at;
import static io.rapport.compliance.Facts.call;
import static io.rapport.compliance.Facts.consumer;
import static io.rapport.compliance.Facts.proposal;
import static io.rapport.compliance.Facts.sent;
import static org.assertj.core.api.Assertions.assertThat;

/** OPT-01, MM-01, TBD-01, LCM-01, ESIGN-01 and CR-01. */
class RenderedMessagesCarryWhatTheLawRequires {

    private static final String EMAIL = "j@example.com";
    private static final String MINI_MIRANDA = "This is a communication from a debt collector. This is an attempt to "
            + "collect a debt and any information obtained will be used for that purpose.";
    private static final String MINI_MIRANDA_ES = "Esta es una comunicación de un cobrador de deudas. Este es un intento de "
            + "cobrar una deuda y la información obtenida será utilizada para ese fin.";
    private static final DebtFacts TIME_BARRED = new DebtFacts("D1", null, null, true);

    private static Facts.Proposal email(String content) {
        return proposal().consumer(consumer().email(EMAIL, false, true)).by(Channel.EMAIL, EMAIL).content(content);
    }

    @Test
    void anEmailWithoutAnOptOutInstructionIsBlocked() {
        GateDecision decision = email(MINI_MIRANDA).evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("OPT-01");
        assertThat(decision.reasons().get(0).message()).contains("no opt-out instruction", "1006.6(e)");
    }

    @Test
    void optOutInstructionsAreRecognizedInEnglishAndSpanish() {
        assertThat(email(MINI_MIRANDA + " To unsubscribe, click here.").evaluate().decision()).isEqualTo(Decision.ALLOW);
        assertThat(email(MINI_MIRANDA_ES + " Responda STOP para darse de baja.").evaluate().decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void theFirstLetterMustCarryTheFullMiniMirandaAndLaterOnesTheDebtCollectorStatement() {
        GateDecision bare = proposal().by(Channel.LETTER, null).content("Please call us about your account.").evaluate();
        GateDecision full = proposal().by(Channel.LETTER, null).content(MINI_MIRANDA).evaluate();
        GateDecision later = proposal().by(Channel.LETTER, null).content("From a debt collector: your plan is ready.")
                .history(sent("2025-07-01T15:00:00Z", Channel.LETTER, null, Outcome.SENT, "D1")).evaluate();

        assertThat(bare.reasons()).extracting(Reason::rule).containsExactly("MM-01");
        assertThat(bare.reasons().get(0).message()).contains("first communication", "1006.18(e)(1)");
        assertThat(bare.requiredDisclosures()).containsExactly(Disclosure.MINI_MIRANDA, Disclosure.VALIDATION_NOTICE);
        assertThat(full.decision()).isEqualTo(Decision.ALLOW);
        assertThat(later.decision()).isEqualTo(Decision.ALLOW);
        assertThat(later.requiredDisclosures()).containsExactly(Disclosure.DEBT_COLLECTOR_STATEMENT);
    }

    @Test
    void theSpanishMiniMirandaCounts() {
        GateDecision decision = proposal().by(Channel.LETTER, null).content(MINI_MIRANDA_ES).evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aThreatOfSuitOnATimeBarredDebtIsBlockedInEitherLanguage() {
        GateDecision english = email(MINI_MIRANDA + " Pay now or we will file a lawsuit. Reply STOP to opt out.")
                .debts(TIME_BARRED).evaluate();
        GateDecision spanish = email(MINI_MIRANDA_ES + " Tomaremos acción legal. Responda STOP para darse de baja.")
                .debts(TIME_BARRED).evaluate();
        GateDecision withoutThreat = email(MINI_MIRANDA + " Reply STOP to opt out.").debts(TIME_BARRED).evaluate();

        assertThat(english.reasons()).extracting(Reason::rule).containsExactly("TBD-01");
        assertThat(english.reasons().get(0).message()).contains("'lawsuit'", "debt D1 (time-barred)", "1006.26(b)");
        assertThat(spanish.reasons().get(0).message()).contains("'accion legal'");
        assertThat(withoutThreat.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void onALiveCallAboutATimeBarredDebtTheAgentIsWarned() {
        GateDecision decision = proposal().debts(TIME_BARRED).evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.warnings()).extracting(Reason::rule).containsExactly("TBD-01");
    }

    @Test
    void aVoicemailThatIsALimitedContentMessageIsAllowed() {
        GateDecision decision = proposal().by(Channel.VOICEMAIL, NY_MOBILE)
                .content("Hi, this is Maria Lopez from Riverside Services. Please call me back at 800-555-0100. Thank you.")
                .evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.requiredDisclosures()).isEmpty();
    }

    @Test
    void aVoicemailMentioningTheDebtOrMissingAReplyNumberIsBlocked() {
        GateDecision decision = proposal().by(Channel.VOICEMAIL, NY_MOBILE)
                .content("This is Maria about your past due balance. Please call us.").evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("LCM-01");
        assertThat(decision.reasons().get(0).message()).contains("'past due'", "no number to reply to", "1006.2(j)");
    }

    @Test
    void theValidationNoticeGoesByEmailOnlyWithESignConsent() {
        String notice = MINI_MIRANDA + " Validation notice ... Reply STOP to opt out.";

        GateDecision without = email(notice).purpose(Purpose.VALIDATION_NOTICE).evaluate();
        GateDecision with = proposal().consumer(consumer().email(EMAIL, false, true).esignConsent())
                .by(Channel.EMAIL, EMAIL).content(notice).purpose(Purpose.VALIDATION_NOTICE).evaluate();
        GateDecision byMail = proposal().by(Channel.LETTER, null).content(MINI_MIRANDA).purpose(Purpose.VALIDATION_NOTICE).evaluate();

        assertThat(without.reasons()).extracting(Reason::rule).containsExactly("ESIGN-01");
        assertThat(without.reasons().get(0).message()).contains("send it by mail");
        assertThat(with.decision()).isEqualTo(Decision.ALLOW);
        assertThat(byMail.decision()).isEqualTo(Decision.ALLOW);
        assertThat(byMail.requiredDisclosures()).contains(Disclosure.VALIDATION_NOTICE);
    }

    @Test
    void creditReportingWaitsFourteenDaysAfterALetter() {
        GateDecision early = proposal().by(Channel.CREDIT_REPORT, null)
                .history(sent("2025-07-05T15:00:00Z", Channel.LETTER, null, Outcome.SENT, "D1"))
                .at("2025-07-15T16:00:00Z").evaluate();
        GateDecision afterTwoWeeks = proposal().by(Channel.CREDIT_REPORT, null)
                .history(sent("2025-07-01T15:00:00Z", Channel.LETTER, null, Outcome.SENT, "D1"))
                .at("2025-07-15T16:00:00Z").evaluate();

        assertThat(early.reasons()).extracting(Reason::rule).containsExactly("CR-01");
        assertThat(early.earliestAllowedAt()).isEqualTo(at("2025-07-19T15:00:00Z"));
        assertThat(afterTwoWeeks.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void creditReportingWithoutAnyMessageOrConversationOrAfterAReturnedLetterIsBlocked() {
        GateDecision nothing = proposal().by(Channel.CREDIT_REPORT, null).evaluate();
        GateDecision returned = proposal().by(Channel.CREDIT_REPORT, null)
                .history(sent("2025-07-01T15:00:00Z", Channel.LETTER, null, Outcome.SENT, "D1"),
                        sent("2025-07-06T15:00:00Z", Channel.LETTER, null, Outcome.UNDELIVERABLE, "D1"))
                .evaluate();
        GateDecision spoke = proposal().by(Channel.CREDIT_REPORT, null)
                .history(call("2025-07-14T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1")).evaluate();

        assertThat(nothing.reasons()).extracting(Reason::rule).containsExactly("CR-01");
        assertThat(nothing.earliestAllowedAt()).isNull();
        assertThat(returned.blockedBy("CR-01")).isTrue();
        assertThat(returned.earliestAllowedAt()).isNull();
        assertThat(spoke.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aDisputeAnsweredBeforeItWasMadeDoesNotCountAsVerification() {
        var debt = new DebtFacts("D1", LocalDate.parse("2025-07-10"), LocalDate.parse("2025-07-01"), false);

        assertThat(proposal().debts(debt).evaluate().blockedBy("DISP-01")).isTrue();
    }
}
