package io.rapport.messaging;

/** The channels messaging sends on. */
public enum Channel {
    EMAIL, SMS, LETTER
}
