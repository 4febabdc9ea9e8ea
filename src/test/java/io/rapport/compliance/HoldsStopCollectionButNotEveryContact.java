package io.rapport.compliance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.rapport.compliance.Facts.NY_MOBILE;
import static io.rapport.compliance.Facts.call;
import static io.rapport.compliance.Facts.consumer;
import static io.rapport.compliance.Facts.debt;
import static io.rapport.compliance.Facts.proposal;
import static org.assertj.core.api.Assertions.assertThat;

/** CEASE-01, ATTY-01, DISP-01, DEC-01 and BK-01. */
class HoldsStopCollectionButNotEveryContact {

    @Test
    void aCeaseTakesEffectOnTheDayItIsReceived() {
        var ceased = consumer().ceaseReceivedOn("2025-05-06");

        GateDecision dayBefore = proposal().consumer(ceased).at("2025-05-05T15:00:00Z").evaluate();
        GateDecision sameDay = proposal().consumer(ceased).at("2025-05-06T15:00:00Z").evaluate();

        assertThat(dayBefore.decision()).isEqualTo(Decision.ALLOW);
        assertThat(sameDay.reasons()).extracting(Reason::rule).containsExactly("CEASE-01");
        assertThat(sameDay.reasons().get(0).message()).contains("received on 2025-05-06", "CEASE_NOTICE", "1006.6(c)");
        assertThat(sameDay.earliestAllowedAt()).isNull();
    }

    @Test
    void afterACeaseOnlyTheCeaseNoticeMayFollowNotEvenAReceipt() {
        var ceased = consumer().ceaseReceivedOn("2025-05-06");

        GateDecision notice = proposal().consumer(ceased).by(Channel.LETTER, null).purpose(Purpose.CEASE_NOTICE)
                .at("2025-05-08T15:00:00Z").evaluate();
        GateDecision receipt = proposal().consumer(ceased).by(Channel.LETTER, null).purpose(Purpose.RECEIPT)
                .at("2025-05-08T15:00:00Z").evaluate();

        assertThat(notice.decision()).isEqualTo(Decision.ALLOW);
        assertThat(notice.requiredDisclosures()).contains(Disclosure.MINI_MIRANDA).doesNotContain(Disclosure.VALIDATION_NOTICE);
        assertThat(receipt.blockedBy("CEASE-01")).isTrue();
    }

    @Test
    void aRepresentedConsumerIsNotContactedButTheDebtMayStillBeReported() {
        var represented = consumer().represented();

        GateDecision call = proposal().consumer(represented).evaluate();
        GateDecision report = proposal().consumer(represented).by(Channel.CREDIT_REPORT, null)
                .history(Facts.call("2025-07-01T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1")).evaluate();

        assertThat(call.reasons()).extracting(Reason::rule).containsExactly("ATTY-01");
        assertThat(call.reasons().get(0).message()).contains("attorney", "1006.6(b)(2)");
        assertThat(report.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aDisputedDebtIsNotCollectedUntilVerificationIsSent() {
        var disputed = new DebtFacts("D1", LocalDate.parse("2025-07-01"), null, false);
        var verified = new DebtFacts("D1", LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-10"), false);

        GateDecision before = proposal().debts(disputed).evaluate();
        GateDecision after = proposal().debts(verified).evaluate();
        GateDecision receipt = proposal().debts(disputed).purpose(Purpose.RECEIPT).evaluate();

        assertThat(before.reasons()).extracting(Reason::rule).containsExactly("DISP-01");
        assertThat(before.reasons().get(0).message()).contains("D1 was disputed in writing on 2025-07-01", "1006.38");
        assertThat(after.decision()).isEqualTo(Decision.ALLOW);
        assertThat(receipt.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aDisputeOfOneDebtDoesNotStopCollectionOfAnother() {
        var disputed = new DebtFacts("D2", LocalDate.parse("2025-07-01"), null, false);

        GateDecision decision = proposal().debts(debt("D1"), disputed).about("D1").evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aDeceasedConsumerIsNotContactedForAnyPurpose() {
        GateDecision decision = proposal().consumer(consumer().deceased()).purpose(Purpose.RECEIPT).evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("DEC-01");
        assertThat(decision.reasons().get(0).message()).contains("estate");
    }

    @Test
    void aBankruptcyFilingStaysCollectionButNotAReceipt() {
        var filed = consumer().bankruptcy("2025-05-01", null);

        GateDecision collection = proposal().consumer(filed).evaluate();
        GateDecision report = proposal().consumer(filed).by(Channel.CREDIT_REPORT, null).purpose(Purpose.RECEIPT)
                .history(call("2025-04-01T15:00:00Z", NY_MOBILE, Outcome.CONVERSATION, "D1")).evaluate();
        GateDecision receipt = proposal().consumer(filed).purpose(Purpose.RECEIPT).evaluate();

        assertThat(collection.reasons()).extracting(Reason::rule).containsExactly("BK-01");
        assertThat(collection.reasons().get(0).message()).contains("2025-05-01", "362(a)(6)");
        assertThat(report.blockedBy("BK-01")).isTrue();
        assertThat(receipt.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aDischargedDebtIsNotCollected() {
        GateDecision decision = proposal().consumer(consumer().bankruptcy("2024-01-10", "2024-05-01")).evaluate();

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("BK-01");
        assertThat(decision.reasons().get(0).message()).contains("discharged on 2024-05-01", "11 USC 524");
    }

    @Test
    void aBankruptcyFiledAfterTheContactDoesNotReachBackInTime() {
        GateDecision decision = proposal().consumer(consumer().bankruptcy("2025-08-01", null)).evaluate();

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
    }
}
