package io.rapport.compliance.rules;

/** DEC-01: a deceased consumer is not contacted; the debt moves to the estate workflow. */
public final class DeceasedPolicy implements ContactPolicy {

    static final String RULE = "DEC-01";

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (!contact.consumer().deceased()) {
            return PolicyOutcome.allowed();
        }
        return PolicyOutcome.rejected(RULE, "the consumer is deceased: no contact addressed to the consumer; "
                + "the debt is handled in the estate workflow");
    }
}
