package io.rapport.accounts;

/** A place the consumer said we may not reach them at (12 CFR 1006.6(b)(1)). */
public enum InconvenientPlace {
    /** The consumer's work: work phone numbers and employer-issued email addresses. */
    WORK
}
