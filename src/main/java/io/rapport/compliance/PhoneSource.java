package io.rapport.compliance;

/** How we came to know a phone number; it decides whether prior express consent exists. */
public enum PhoneSource {
    /** The consumer gave the number to us. */
    CONSUMER,
    /** The consumer gave the number to the creditor for this debt. */
    CREDITOR,
    /** Found by skip tracing: never consent. */
    SKIP_TRACE;

    /** Whether giving us the number this way counts as prior express consent (TCPA). */
    public boolean isPriorExpressConsent() {
        return this == CONSUMER || this == CREDITOR;
    }
}
