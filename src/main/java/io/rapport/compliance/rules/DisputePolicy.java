package io.rapport.compliance.rules;

import io.rapport.compliance.DebtFacts;
import io.rapport.compliance.Purpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DISP-01: after a written dispute or a request for the original creditor, no collection of that
 * debt until the verification (or the original creditor's name) is sent (1006.38(c), (d)(2)). The
 * facts do not say when the validation period ended, so every written dispute is read as timely.
 * A debt without facts cannot be shown undisputed and is not collected either.
 */
public final class DisputePolicy implements ContactPolicy {

    static final String RULE = "DISP-01";

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (contact.purpose() != Purpose.COLLECTION) {
            return PolicyOutcome.allowed();
        }
        List<String> messages = new ArrayList<>();
        for (String id : contact.concernedDebts()) {
            if (ProposedContact.ANY_DEBT.equals(id)) {
                messages.add("the proposal names no debt and no debt facts were given, so no debt can be shown undisputed");
                continue;
            }
            Optional<DebtFacts> debt = contact.debt(id);
            if (debt.isEmpty()) {
                messages.add("no facts were given for debt " + id + ", so it cannot be shown undisputed");
                continue;
            }
            DebtFacts facts = debt.get();
            boolean open = facts.writtenDisputeOn() != null && (facts.verificationSentOn() == null
                    || facts.verificationSentOn().isBefore(facts.writtenDisputeOn()));
            if (open) {
                messages.add("debt " + id + " was disputed in writing on " + facts.writtenDisputeOn()
                        + " and no verification has been sent since: no collection of it until one is");
            }
        }
        if (messages.isEmpty()) {
            return PolicyOutcome.allowed();
        }
        return PolicyOutcome.rejected(RULE, String.join("; ", messages) + " (12 CFR 1006.38(c), (d)(2))");
    }
}
