package io.rapport.accounts;

/** What placing one account did. Placing the same account again changes nothing: {@code UNCHANGED}. */
public record PlacementOutcome(String externalRef, AccountId accountId, Result result) {

    public enum Result {
        /** A new account was created. */
        CREATED,
        /** The account existed; new debts, contact points or consents were added to it. */
        UPDATED,
        /** The account and everything in the placement existed already. */
        UNCHANGED
    }
}
