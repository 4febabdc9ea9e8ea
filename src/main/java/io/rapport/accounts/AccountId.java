package io.rapport.accounts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies an account: one consumer at one creditor client, with one or more debts. */
public record AccountId(@JsonValue UUID value) {

    public static AccountId of(String value) {
        try {
            return new AccountId(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("id: is not an account id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
