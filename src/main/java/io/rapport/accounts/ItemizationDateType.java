package io.rapport.accounts;

/** The reference date of a debt's itemization, as Regulation F 1006.34(b)(3) allows. */
public enum ItemizationDateType {
    LAST_STATEMENT, CHARGE_OFF, LAST_PAYMENT, TRANSACTION, JUDGMENT
}
