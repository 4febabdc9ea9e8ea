package io.rapport.messaging.spi;

/**
 * The provider refused or could not take the message; the reason is safe to store (no consumer data). A permanent
 * failure (the number is invalid, the recipient unsubscribed at the carrier) fails the same way on every attempt, so
 * the message is marked failed at once instead of being retried; any other failure may pass on a later attempt.
 */
public class SmsProviderFailure extends Exception {

    private final boolean permanent;

    public SmsProviderFailure(String reason, Throwable cause) {
        this(reason, cause, false);
    }

    public SmsProviderFailure(String reason, Throwable cause, boolean permanent) {
        super(reason, cause);
        this.permanent = permanent;
    }

    /** @return true when sending the same message again cannot succeed */
    public boolean permanent() {
        return permanent;
    }
}
