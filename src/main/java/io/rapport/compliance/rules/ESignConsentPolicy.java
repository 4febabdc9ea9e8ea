package io.rapport.compliance.rules;

import io.rapport.compliance.Purpose;

/**
 * ESIGN-01: the validation notice goes by email or text only with the consumer's E-SIGN consent
 * (1006.42, 15 USC 7001(c)); without it, it goes by mail.
 */
public final class ESignConsentPolicy implements ContactPolicy {

    static final String RULE = "ESIGN-01";

    @Override
    public PolicyOutcome evaluate(ProposedContact contact) {
        if (contact.purpose() != Purpose.VALIDATION_NOTICE || !contact.channel().isElectronic()
                || contact.consumer().esignConsent()) {
            return PolicyOutcome.allowed();
        }
        return PolicyOutcome.rejected(RULE, "the consumer has not given E-SIGN consent, so the validation notice cannot go by "
                + contact.channel() + ": send it by mail (LETTER) (12 CFR 1006.42, 15 USC 7001(c))");
    }
}
