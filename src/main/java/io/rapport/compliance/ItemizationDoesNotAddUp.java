package io.rapport.compliance;

import io.rapport.platform.Conflict;

/**
 * A validation notice was refused because the debt's itemization does not add up: the amount on the itemization date
 * plus interest plus fees minus payments and credits is not the current total. Sending it would misstate the debt
 * (1006.34(c)(2)); the itemization must be corrected first.
 */
public class ItemizationDoesNotAddUp extends Conflict {

    private final String debt;

    public ItemizationDoesNotAddUp(String debt, String detail) {
        super("the itemization of debt " + debt + " does not add up: " + detail
                + "; no validation notice is generated until it is corrected");
        this.debt = debt;
    }

    /** The debt's reference and id. */
    public String debt() {
        return debt;
    }
}
