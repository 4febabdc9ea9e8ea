package io.rapport.compliance.notice;

import io.rapport.accounts.AccountDetails;
import io.rapport.compliance.ItemizationDoesNotAddUp;
import io.rapport.platform.Money;
import java.util.stream.Stream;

/** The arithmetic of a debt's itemization, verified before any notice states it. */
public final class Itemization {

    private Itemization() {
    }

    /**
     * @throws ItemizationDoesNotAddUp unless amount on the itemization date + interest + fees - payments and credits is
     *                                 the current total, to the cent and in one currency
     */
    public static void verify(AccountDetails.Debt debt) {
        String name = debt.externalRef() != null ? debt.externalRef() + " (" + debt.id() + ")" : String.valueOf(debt.id());
        Money amount = debt.amountOnItemizationDate();
        Money interest = debt.interestSince();
        Money fees = debt.feesSince();
        Money payments = debt.paymentsSince();
        Money total = debt.currentBalance();
        if (Stream.of(amount, interest, fees, payments, total).anyMatch(m -> m == null)) {
            throw new ItemizationDoesNotAddUp(name, "an amount of the itemization is missing");
        }
        if (Stream.of(interest, fees, payments, total).anyMatch(m -> !m.currency().equals(amount.currency()))) {
            throw new ItemizationDoesNotAddUp(name, "its amounts are in different currencies");
        }
        if (Stream.of(amount, interest, fees, payments).anyMatch(Money::isNegative)) {
            throw new ItemizationDoesNotAddUp(name, "an amount of the itemization is negative");
        }
        Money itemized = amount.plus(interest).plus(fees).minus(payments);
        if (!itemized.equals(total)) {
            throw new ItemizationDoesNotAddUp(name, amount.toMajorUnits() + " + " + interest.toMajorUnits() + " interest + "
                    + fees.toMajorUnits() + " fees - " + payments.toMajorUnits() + " payments and credits = " + itemized
                    + ", but the current total is " + total);
        }
    }
}
