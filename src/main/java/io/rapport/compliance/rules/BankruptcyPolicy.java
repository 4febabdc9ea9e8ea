package io.rapport.compliance.rules;

import io.rapport.compliance.Bankruptcy;
import io.rapport.compliance.Channel;

/**
 * BK-01: no collection once the consumer has filed for bankruptcy (the automatic stay, 11 USC
 * 362(a)(6)) or the debt was discharged (11 USC 524). Collection is the purposes COLLECTION and
 * VALIDATION_NOTICE and any credit reporting; receipts, opt-out confirmations and cease notices are
 * not collection and stay allowed.
 */
public final class BankruptcyPolicy implements ContactPolicy {

    static final String RULE = "BK-01";

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        Bankruptcy bankruptcy = contact.consumer().bankruptcy();
        if (bankruptcy == null) {
            return PolicyOutcome.allowed();
        }
        boolean collecting = contact.purpose().isCollectionActivity() || contact.channel() == Channel.CREDIT_REPORT;
        if (!collecting) {
            return PolicyOutcome.allowed();
        }
        if (bankruptcy.dischargedOn() != null && contact.isOnOrAfter(bankruptcy.dischargedOn())) {
            return PolicyOutcome.rejected(RULE, "the consumer's bankruptcy was discharged on " + bankruptcy.dischargedOn()
                    + ": no collection of discharged debts (11 USC 524)");
        }
        if (bankruptcy.filedOn() != null && contact.isOnOrAfter(bankruptcy.filedOn())) {
            return PolicyOutcome.rejected(RULE, "the consumer filed for bankruptcy on " + bankruptcy.filedOn()
                    + ": the automatic stay forbids collection (11 USC 362(a)(6))");
        }
        return PolicyOutcome.allowed();
    }
}
