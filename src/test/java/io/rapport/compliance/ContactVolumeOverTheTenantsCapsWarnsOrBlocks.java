package io.rapport.compliance;

import org.junit.jupiter.api.Test;

import static io.rapport.compliance.Facts.NY_MOBILE;
import static io.rapport.compliance.Facts.at;
import static io.rapport.compliance.Facts.proposal;
import static io.rapport.compliance.Facts.sent;
import static org.assertj.core.api.Assertions.assertThat;

/** FREQ-03: volume across every debt and channel (1006.14(a)), against the tenant's caps. */
class ContactVolumeOverTheTenantsCapsWarnsOrBlocks {

    private static final String CONTENT = "From a debt collector. Reply STOP to opt out.";

    private Facts.Proposal fourthContactOfTheDay() {
        return proposal().by(Channel.SMS, NY_MOBILE).content(CONTENT)
                .history(sent("2025-07-15T13:00:00Z", Channel.EMAIL, "j@example.com", Outcome.DELIVERED, "D1"),
                        sent("2025-07-15T13:30:00Z", Channel.LETTER, null, Outcome.SENT, "D1"),
                        sent("2025-07-15T14:00:00Z", Channel.SMS, NY_MOBILE, Outcome.DELIVERED, "D2"))
                .at("2025-07-15T16:00:00Z");
    }

    @Test
    void byDefaultTheFourthContactOfADayIsAllowedWithAWarning() {
        GateDecision decision = fourthContactOfTheDay().evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.warnings()).extracting(Reason::rule).containsExactly("FREQ-03");
        assertThat(decision.warnings().get(0).message()).contains("contact 4", "cap of 3 a day");
    }

    @Test
    void aTenantThatBlocksGetsABlockLiftingTheNextMorning() {
        GateDecision decision = new ContactGate(new GateSettings(3, 10, true), StateOverlays.standard())
                .evaluate(fourthContactOfTheDay().build());

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("FREQ-03");
        assertThat(decision.earliestAllowedAt()).isEqualTo(at("2025-07-16T12:00:00Z"));
    }

    @Test
    void undeliverableMessagesAndCreditReportsDoNotCount() {
        GateDecision decision = proposal().by(Channel.SMS, NY_MOBILE).content(CONTENT)
                .history(sent("2025-07-15T13:00:00Z", Channel.EMAIL, "j@example.com", Outcome.UNDELIVERABLE, "D1"),
                        sent("2025-07-15T13:30:00Z", Channel.CREDIT_REPORT, null, Outcome.SENT, "D1"),
                        sent("2025-07-15T14:00:00Z", Channel.SMS, NY_MOBILE, Outcome.DELIVERED, "D2"))
                .at("2025-07-15T16:00:00Z").evaluate();

        assertThat(decision.warnings()).isEmpty();
    }
}
