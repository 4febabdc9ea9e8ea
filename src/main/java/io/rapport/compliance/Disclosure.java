package io.rapport.compliance;

/** A statement the contact must carry for it to be lawful. */
public enum Disclosure {
    /** The full statement of 1006.18(e)(1): a debt collector, attempting to collect a debt, information used for that purpose. */
    MINI_MIRANDA,
    /** In later communications: the message is from a debt collector (1006.18(e)(2)). */
    DEBT_COLLECTOR_STATEMENT,
    /** A clear, simple way to opt out of further electronic messages (1006.6(e)). */
    OPT_OUT_NOTICE,
    /** The validation notice, in the first communication or within five days after it (1006.34(a)). */
    VALIDATION_NOTICE
}
