package io.rapport.accounts;

/** Why collection stops on an account or one of its debts. */
public enum HoldKind {
    CEASE, ATTORNEY, DECEASED, BANKRUPTCY_FILED, BANKRUPTCY_DISCHARGED, DISPUTE, CREDITOR_RECALL, OTHER
}
