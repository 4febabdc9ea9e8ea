package io.rapport.accounts;

/** What we know about whether a contact point reaches the consumer. */
public enum Verification {
    UNVERIFIED, VERIFIED, INVALID
}
