package io.rapport.compliance.rules;

import io.rapport.compliance.DebtFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TBD-01: on a time-barred debt, no threat of suit (1006.26(b)): rendered content that mentions
 * suing, court or legal action (English or Spanish) is rejected. A debt whose status is unknown is
 * read as possibly time-barred. A message that should carry content but came without it cannot be
 * checked and is rejected; a live call gets a warning for the agent.
 */
public final class TimeBarredContentPolicy implements ContactPolicy {

    static final String RULE = "TBD-01";

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (!contact.channel().reachesConsumer()) {
            return PolicyOutcome.allowed();
        }
        List<String> barred = new ArrayList<>();
        for (String id : contact.concernedDebts()) {
            Optional<DebtFacts> debt = contact.debt(id);
            Boolean timeBarred = debt.map(DebtFacts::timeBarred).orElse(null);
            if (timeBarred == null) {
                barred.add(ProposedContact.ANY_DEBT.equals(id) ? "a debt of unknown status" : "debt " + id + " (status unknown, possibly time-barred)");
            } else if (timeBarred) {
                barred.add("debt " + id + " (time-barred)");
            }
        }
        if (barred.isEmpty()) {
            return PolicyOutcome.allowed();
        }
        String debts = String.join(", ", barred);
        if (!contact.channel().carriesRenderedContent()) {
            return PolicyOutcome.warned(RULE, "the call concerns " + debts + ": the agent must not threaten suit or legal action (12 CFR 1006.26(b))");
        }
        if (!contact.hasContent()) {
            return PolicyOutcome.rejected(RULE, "the " + contact.channel() + " concerns " + debts
                    + " and came without rendered content, so it cannot be shown free of threats of suit (12 CFR 1006.26(b))");
        }
        Optional<String> threat = contact.renderedText().threatOfSuit();
        if (threat.isPresent()) {
            return PolicyOutcome.rejected(RULE, "the " + contact.channel() + " mentions '" + threat.get() + "' and concerns "
                    + debts + ": no threat of suit on a time-barred debt (12 CFR 1006.26(b))");
        }
        return PolicyOutcome.allowed();
    }
}
