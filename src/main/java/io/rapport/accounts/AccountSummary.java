package io.rapport.accounts;

import io.rapport.platform.Money;
import java.time.Instant;

/** One line of the account list. */
public record AccountSummary(AccountId id, String externalRef, String consumerName, String creditorName,
        AccountStatus status, Money balance, Integer daysPastDue, String state, Instant placedAt) {
}
