package io.rapport.compliance.rules;

import io.rapport.compliance.Channel;

/**
 * MM-01: a rendered message must carry the disclosure of 1006.18(e): in the first communication
 * about a debt, that it is from a debt collector attempting to collect a debt and that information
 * obtained will be used for that purpose; later, that it is from a debt collector. Checked on the
 * rendered text of emails, texts, letters and prerecorded messages, in English or Spanish. Without
 * rendered text the disclosure is only listed as required.
 */
public final class MiniMirandaDisclosurePolicy implements ContactPolicy {

    static final String RULE = "MM-01";

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        Channel channel = contact.channel();
        boolean checked = channel == Channel.EMAIL || channel == Channel.SMS || channel == Channel.LETTER
                || channel == Channel.PRERECORDED_CALL;
        if (!checked || !contact.hasContent()) {
            return PolicyOutcome.allowed();
        }
        if (RequiredDisclosures.isFirstCommunication(contact)) {
            if (!contact.renderedText().hasMiniMiranda()) {
                return PolicyOutcome.rejected(RULE, "this is the first communication about the debt: the " + channel
                        + " must say it is from a debt collector attempting to collect a debt and that any information "
                        + "obtained will be used for that purpose (12 CFR 1006.18(e)(1))");
            }
        } else if (!contact.renderedText().hasDebtCollectorStatement()) {
            return PolicyOutcome.rejected(RULE, "the " + channel + " must say it is from a debt collector "
                    + "(12 CFR 1006.18(e)(2))");
        }
        return PolicyOutcome.allowed();
    }
}
