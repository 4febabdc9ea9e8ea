package io.rapport.platform;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in minor units (cents for USD) of an ISO 4217 currency. Never a double:
 * every sum in collections must reconcile to the cent.
 */
public record Money(long amount, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency); // rejects unknown codes
    }

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amount, other.amount), currency);
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount < 0;
    }

    /** The amount in major units, for display and exports. */
    public BigDecimal toMajorUnits() {
        return BigDecimal.valueOf(amount, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toMajorUnits().toPlainString() + " " + currency;
    }
}
