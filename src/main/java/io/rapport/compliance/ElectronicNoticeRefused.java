package io.rapport.compliance;

import io.rapport.platform.Conflict;

/**
 * ESIGN-01: a validation notice may go by email only with the consumer's E-SIGN consent in force (1006.42,
 * 15 USC 7001(c)). Without it the notice is not generated for electronic delivery: send it by mail.
 */
public class ElectronicNoticeRefused extends Conflict {

    public static final String RULE = "ESIGN-01";

    public ElectronicNoticeRefused(String account) {
        super(RULE + ": account " + account + " has no E-SIGN consent in force, so the validation notice cannot be sent "
                + "by email: send it by mail (12 CFR 1006.42, 15 USC 7001(c))");
    }
}
