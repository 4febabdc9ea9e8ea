package io.rapport.compliance.rules;

/**
 * ATTY-01: a consumer represented by an attorney about the debt is not contacted; the attorney is
 * (1006.6(b)(2)). Reporting to a credit bureau is not a contact with the consumer and is left to
 * the other rules.
 */
public final class AttorneyPolicy implements ContactPolicy {

    static final String RULE = "ATTY-01";

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (!contact.consumer().attorneyRepresented() || !contact.channel().reachesConsumer()) {
            return PolicyOutcome.allowed();
        }
        return PolicyOutcome.rejected(RULE, "the consumer is represented by an attorney: contact the attorney, "
                + "not the consumer (12 CFR 1006.6(b)(2))");
    }
}
