package io.rapport.accounts;

/**
 * What we know about whether a contact point reaches the consumer. UNDELIVERABLE: the channel itself reported that it
 * cannot (a hard bounce, a returned letter, a carrier's permanent error); nothing is sent there any more.
 */
public enum Verification {
    UNVERIFIED, VERIFIED, INVALID, UNDELIVERABLE
}
