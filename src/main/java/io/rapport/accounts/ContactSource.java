package io.rapport.accounts;

/** Where a contact point came from; it decides, among others, whether a mobile number has TCPA consent. */
public enum ContactSource {
    /** The consumer gave it to us. */
    CONSUMER,
    /** The consumer gave it to the creditor for this debt. */
    CREDITOR,
    /** Found by skip tracing; carries no consent. */
    SKIP_TRACE
}
