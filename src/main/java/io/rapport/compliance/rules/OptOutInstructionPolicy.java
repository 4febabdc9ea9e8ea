package io.rapport.compliance.rules;

import io.rapport.compliance.Purpose;

/**
 * OPT-01: an email or text must tell the consumer, clearly and simply, how to opt out of further
 * electronic messages (1006.6(e)). Checked on the rendered text, in English or Spanish. The one
 * confirmation of an opt-out is exempt: it answers the opt-out itself.
 */
public final class OptOutInstructionPolicy implements ContactPolicy {

    static final String RULE = "OPT-01";

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (!contact.channel().isElectronic() || contact.purpose() == Purpose.OPT_OUT_CONFIRMATION) {
            return PolicyOutcome.allowed();
        }
        if (!contact.hasContent()) {
            return PolicyOutcome.rejected(RULE, "no rendered content was given, so the " + contact.channel()
                    + " cannot be shown to carry an opt-out instruction (12 CFR 1006.6(e))");
        }
        if (!contact.renderedText().hasOptOutInstruction()) {
            return PolicyOutcome.rejected(RULE, "the " + contact.channel() + " has no opt-out instruction such as "
                    + "'Reply STOP to opt out', 'unsubscribe' or 'Responda STOP para darse de baja' (12 CFR 1006.6(e))");
        }
        return PolicyOutcome.allowed();
    }
}
