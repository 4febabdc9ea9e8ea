package io.rapport.accounts;

/** Where an account stands in collection. */
public enum AccountStatus {
    /** Being collected. */
    ACTIVE,
    /** A debt on it is disputed; collection of that debt waits for verification. */
    DISPUTED,
    /** A hold (cease, attorney, bankruptcy, deceased...) stops collection. */
    ON_HOLD,
    /** Nothing is owed any more. */
    PAID,
    /** Returned to the creditor or written off. */
    CLOSED
}
