package io.rapport.accounts;

import java.util.Arrays;
import java.util.List;

/**
 * Why collection stops on an account or one of its debts, or a fact about how and when the consumer may be reached.
 * Holds stop collection and put the account ON_HOLD; disputes make it DISPUTED; flags change no status and only tell
 * the contact gate what it must honour.
 */
public enum HoldKind {
    /** A written cease or refusal to pay was received. */
    CEASE(Effect.HOLD),
    /** The consumer is represented by an attorney. */
    ATTORNEY(Effect.HOLD),
    DECEASED(Effect.HOLD),
    BANKRUPTCY_FILED(Effect.HOLD),
    BANKRUPTCY_DISCHARGED(Effect.HOLD),
    /** A written dispute or request for the original creditor (DISP-01 until verification is sent). */
    DISPUTE(Effect.DISPUTE),
    /** A dispute made orally: recorded and shown, it does not stop collection by itself (1006.38 needs writing). */
    ORAL_DISPUTE(Effect.DISPUTE),
    /** Verification of a disputed debt (or the original creditor's name) was sent: DISP-01 lifts. */
    VERIFICATION_SENT(Effect.FLAG),
    /** The statute of limitations has run on the debt: no threat of suit (TBD-01). */
    TIME_BARRED(Effect.FLAG),
    /** A local time window (and optionally days) the consumer said is inconvenient (TIME-03). */
    INCONVENIENT_TIME(Effect.FLAG),
    /** A place the consumer said is inconvenient, such as work: its contact points are not used (OPT-02). */
    INCONVENIENT_PLACE(Effect.FLAG),
    /** An email address of the consumer's employer (EMAIL-01). */
    EMPLOYER_EMAIL(Effect.FLAG),
    CREDITOR_RECALL(Effect.HOLD),
    OTHER(Effect.HOLD);

    /** What an active hold of the kind does to the account's status. */
    public enum Effect { HOLD, DISPUTE, FLAG }

    private final Effect effect;

    HoldKind(Effect effect) {
        this.effect = effect;
    }

    public Effect effect() {
        return effect;
    }

    public static List<HoldKind> withEffect(Effect effect) {
        return Arrays.stream(values()).filter(kind -> kind.effect == effect).toList();
    }
}
