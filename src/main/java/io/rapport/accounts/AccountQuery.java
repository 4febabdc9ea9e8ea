package io.rapport.accounts;

import java.util.UUID;

/**
 * A search of the account list. {@code text} finds an account by consumer name, reference,
 * phone number or email address (exact after folding case, accents and formatting).
 * Every other field narrows the list; null means "any".
 */
public record AccountQuery(String text, UUID creditorId, AccountStatus status, Long minBalance, Long maxBalance,
        Integer minDaysPastDue, Integer maxDaysPastDue) {

    public static AccountQuery all() {
        return new AccountQuery(null, null, null, null, null, null, null);
    }
}
