package io.rapport.messaging.spi;

/** The provider refused or could not take the message; the reason is safe to store (no consumer data). */
public class SmsProviderFailure extends Exception {

    public SmsProviderFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
